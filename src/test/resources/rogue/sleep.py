# Never ends on its own.
import time

time.sleep(3600)
