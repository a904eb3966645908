# Forks children that stay alive until fork fails; the process limit must stop it.
import os, time

children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        children += 1
except OSError as e:
    print("fork refused after", children, "children:", e.strerror, flush=True)
