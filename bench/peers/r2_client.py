"""R2's client: submits N moons jobs to a running regtrain as fast as it can, then waits for all of them.
python3 r2_client.py BASE_URL [jobs] [precision]. Prints one RESULT line with jobs per minute from the first POST to
the last job's finishedAt, and the service's own overhead per epoch (wall-clock per epoch minus the epochs' own seconds)."""
import json, sys, time, urllib.request
from datetime import datetime

def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

def timestamp(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()

def job(seed, precision=None):
    request = {"name": f"r2-{seed}", "seed": seed, "dataset": {"builtin": "moons", "samples": 1000, "noise": 0.3},
               "network": {"hidden": [{"units": 64, "activation": "relu"}, {"units": 64, "activation": "relu"}]},
               "training": {"epochs": 100, "batchSize": 32, "optimizer": "momentum", "learningRate": 0.05},
               "regularization": {"penalty": {"l2": 0.5}, "dropout": {"hidden": 0.2}}}
    if precision:
        request["training"]["precision"] = precision
    return request


if __name__ == "__main__":
    base = sys.argv[1]
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    precision = sys.argv[3] if len(sys.argv) > 3 else None
    started = time.time()
    ids = [call(base, "POST", "/api/v1/jobs", job(seed, precision))["id"] for seed in range(jobs)]
    while True:
        records = [call(base, "GET", f"/api/v1/jobs/{i}") for i in ids]
        if all(r["status"] in ("SUCCEEDED", "FAILED", "CANCELLED") for r in records):
            break
        time.sleep(0.2)
    assert all(r["status"] == "SUCCEEDED" for r in records), [r["status"] for r in records]
    ends = [timestamp(r["finishedAt"]) for r in records]
    finished = max(ends)
    elapsed = finished - started
    epoch_seconds = 0.0
    wall = 0.0
    for i, r, end in zip(ids, records, ends):
        rows = call(base, "GET", f"/api/v1/jobs/{i}/metrics")["epochs"]
        epoch_seconds += sum(row["seconds"] for row in rows)
        wall += end - timestamp(r["startedAt"])
    overhead = (wall - epoch_seconds) / wall * 100
    name = "regtrain-r2" + (f"-{precision}" if precision else "")
    print(f"RESULT {name} jobs {jobs} seconds {elapsed:.2f} jobs_per_minute {jobs / elapsed * 60:.1f} "
          f"epoch_s {epoch_seconds / jobs / 100 * 1000:.2f}ms service_overhead_percent {overhead:.1f}")
