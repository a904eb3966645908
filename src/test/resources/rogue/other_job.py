# Tries to read another job's directory, whose host path the consumer somehow knows.
import json, os

params = json.load(open(os.path.join(os.environ["INPUTS"], "algoCustomData.json")))
for path in [params["job"], os.path.join(params["job"], "spec.json"), os.path.join(params["job"], "results", "0")]:
    try:
        if os.path.isdir(path):
            print("SEEN", os.listdir(path))
        else:
            print("SEEN", open(path).read())
    except OSError as e:
        print("not visible:", e.strerror)
    if not os.path.exists(path):
        print("does not exist here")
