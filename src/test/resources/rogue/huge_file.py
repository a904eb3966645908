# Writes one ever-growing output file; the file size limit stops it.
import os

with open(os.path.join(os.environ["OUTPUTS"], "huge.bin"), "wb") as out:
    while True:
        out.write(b"x" * 1024 * 1024)
        out.flush()
