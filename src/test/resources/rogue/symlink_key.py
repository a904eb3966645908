# Leaves links to the provider's key (and to /) among its outputs, hoping publish follows them.
import json, os

params = json.load(open(os.path.join(os.environ["INPUTS"], "algoCustomData.json")))
out = os.environ["OUTPUTS"]
os.symlink(params["key"], os.path.join(out, "key"))
os.symlink("/", os.path.join(out, "root"))
os.makedirs(os.path.join(out, "sub"))
os.symlink(params["key"], os.path.join(out, "sub", "key2"))
os.mkfifo(os.path.join(out, "fifo"))
with open(os.path.join(out, "fine.txt"), "w") as f:
    f.write("fine")
