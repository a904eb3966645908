# Writes many files, each below the file size limit; the watchdog counts the total.
import os

n = 0
while True:
    with open(os.path.join(os.environ["OUTPUTS"], "part-%06d" % n), "wb") as out:
        out.write(b"x" * 256 * 1024)
    n += 1
