"""R4's client (PERFORMANCE.md): uploads the CSV to a running regtrain and runs the study through the API as a
`path` (warm starts) and as the same study as a `grid`, alternating, ROUNDS times each after one warm-up round of
both (the JIT's first compilation, reported apart as "cold"), and the peer (scikit-learn's GridSearchCV, PEER_SCRIPT
run by Debian's python) once per round between them, so that all three share the machine's mood of the moment.
python3 r4_client.py BASE_URL CSV [rounds] [PEER_SCRIPT].
Prints a line per run and one RESULT line per method with the median wall time from POST to the study's
finishedAt, the fold jobs' epochs and training seconds, the selected l2 and its cross-validated validation loss."""
import json, re, statistics, subprocess, sys, time, urllib.request
from datetime import datetime

base, csv_path = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
methods = ["path", "grid"]
peer = sys.argv[4] if len(sys.argv) > 4 else None

def call(method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

def timestamp(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()

with open(csv_path, "rb") as f:
    dataset = call("POST", "/api/v1/datasets?name=r4&label=label", f.read(), "text/csv")["id"]

def study(method):
    return {"name": f"r4-{method}", "seed": 7,
            "template": {"dataset": {"id": dataset},
                         "network": {"hidden": [{"units": 32, "activation": "relu"}]},
                         "training": {"epochs": 200, "batchSize": 0, "optimizer": "adam", "learningRate": 0.01},
                         "regularization": {"earlyStopping": {"monitor": "val_loss", "patience": 20}}},
            "search": {"method": method,
                       "parameters": {"regularization.penalty.l2": {"logRange": [0.001, 100], "count": 12}}},
            "crossValidation": {"folds": 5, "assignment": "stratified"},
            "selection": {"metric": "val_loss", "rule": "min"},
            "refit": False}

def run(method):
    started = time.time()
    created = call("POST", "/api/v1/studies", study(method))
    while True:
        record = call("GET", f"/api/v1/studies/{created['id']}")
        if record["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            break
        time.sleep(0.05)
    assert record["status"] == "SUCCEEDED", record.get("error")
    folds = [f for t in record["trials"] for f in t["folds"]]
    return {"wall": timestamp(record["finishedAt"]) - started, "fits": len(folds),
            "epochs": sum(f["epochs"] for f in folds), "training": sum(f["seconds"] for f in folds),
            "l2": record["result"]["selected"]["parameters"]["regularization.penalty.l2"],
            "loss": record["result"]["selected"]["mean"], "note": record["result"]["note"]}

def run_peer():
    out = subprocess.run(["/usr/bin/python3", "-W", "ignore", peer, csv_path], capture_output=True, text=True).stdout
    return float(re.search(r"wall_s ([\d.]+)", out).group(1)), out.strip().splitlines()[-1]

runs = {m: [] for m in methods}
peers = []
for r in range(rounds + 1):
    if peer and r > 0:
        wall, line = run_peer()
        peers.append(wall)
        print(f"# sklearn run {r}: wall {wall:.3f} s", flush=True)
    for method in methods:
        result = run(method)
        label = "cold" if r == 0 else f"run {r}"
        print(f"# {method} {label}: wall {result['wall']:.3f} s, training {result['training']:.2f} s", flush=True)
        if r > 0:
            runs[method].append(result)
for method in methods:
    last = runs[method][-1]
    wall = statistics.median(x["wall"] for x in runs[method])
    training = statistics.median(x["training"] for x in runs[method])
    print(f"RESULT regtrain-study method {method} wall_s {wall:.3f} fits {last['fits']} epochs {last['epochs']} "
          f"training_s {training:.2f} best_l2 {last['l2']:.4g} cv_val_loss {last['loss']:.4f}")
    print(f"#   {last['note']}")
if peers:
    print(f"RESULT sklearn-gridsearch wall_s {statistics.median(peers):.3f} fits 60 (median of {len(peers)}; {line})")
    path, grid = (statistics.median(x["wall"] for x in runs[m]) for m in methods)
    print(f"RESULT ratios path/sklearn {path / statistics.median(peers):.2f} grid/sklearn "
          f"{grid / statistics.median(peers):.2f} grid/path {grid / path:.2f}")
