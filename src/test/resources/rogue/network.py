# Tries to reach a listener the test runs on the host's loopback, and the internet.
import json, os, socket

params = json.load(open(os.path.join(os.environ["INPUTS"], "algoCustomData.json")))
for host, port in [("127.0.0.1", int(params["port"])), ("1.1.1.1", 53)]:
    try:
        socket.create_connection((host, port), timeout=2).close()
        print("CONNECTED", host, port)
    except OSError as e:
        print("blocked", host, port, type(e).__name__)
