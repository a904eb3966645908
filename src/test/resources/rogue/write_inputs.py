# Tries to change its dataset and its own code, then shows what the dataset holds afterwards.
import json, os

inputs = os.environ["INPUTS"]
dataset = os.path.join(inputs, json.loads(os.environ["DIDS"])[0], "0")
for path in [dataset, os.path.join(inputs, "planted"), os.environ["ALGO"]]:
    try:
        with open(path, "a") as f:
            f.write("tampered")
        print("WROTE", os.path.basename(path))
    except OSError as e:
        print("refused", os.path.basename(path), e.strerror)
try:
    os.remove(dataset)
    print("REMOVED")
except OSError as e:
    print("refused remove", e.strerror)
with open(os.path.join(os.environ["OUTPUTS"], "after.txt"), "w") as out:
    out.write(open(dataset).read())
