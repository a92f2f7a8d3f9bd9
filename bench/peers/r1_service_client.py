"""R1's network and batch through the service: python3 r1_service_client.py BASE_URL [epochs].

Submits a job on the built-in blobs generator shaped like R1 (784 features, 10 classes; 784-256-128-10 relu, momentum
0.9, lr 0.05, batch 128, L2 lambda = 1e-4 m, dropout 0.5 on both hidden layers, no validation split) but with 12000
samples, as many as the generator makes (10 million values); the per-epoch costs of the service (a metrics row, the
events, checkpoints of the same model) do not grow with samples, so the share measured here bounds R1's (60000
samples, epochs five times as long) from above. Follows its event
stream, and takes each epoch's wall time as the gap between consecutive epoch events. The service's own overhead per
epoch is that gap minus the epoch's own seconds (the engine's time for the epoch): metrics, checkpoints, events.
Epoch 1 is left out (its gap starts at the job's start, data preparation included)."""
import json, statistics, sys, time, urllib.request

base = sys.argv[1]
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 8
job = {"name": "r1-through-the-service", "seed": 7, "validationSplit": 0,
       "dataset": {"builtin": "blobs", "samples": 12000, "features": 784, "classes": 10, "spread": 3.0},
       "network": {"hidden": [{"units": 256, "activation": "relu"}, {"units": 128, "activation": "relu"}]},
       "training": {"epochs": epochs, "batchSize": 128, "optimizer": "momentum", "learningRate": 0.05,
                    "momentum": 0.9},
       "regularization": {"penalty": {"l2": 1.2}, "dropout": {"hidden": [0.5, 0.5]}}}
request = urllib.request.Request(base + "/api/v1/jobs", data=json.dumps(job).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
job_id = json.load(urllib.request.urlopen(request))["id"]

arrivals, seconds, event = [], [], None
with urllib.request.urlopen(f"{base}/api/v1/jobs/{job_id}/events", timeout=600) as stream:
    for raw in stream:
        line = raw.decode().rstrip("\n")
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:") and event == "epoch":
            arrivals.append(time.monotonic())
            seconds.append(json.loads(line[5:])["seconds"])
        elif line.startswith("data:") and event == "status":
            if json.loads(line[5:])["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                break

gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
overheads = [g - s for g, s in zip(gaps, seconds[1:])]
for e, (g, s, o) in enumerate(zip(gaps, seconds[1:], overheads), start=2):
    print(f"epoch {e} wall {g:.3f}s engine {s:.3f}s overhead {1000 * o:.1f}ms")
median_gap = statistics.median(gaps)
print(f"RESULT regtrain-r1-service epochs {len(seconds)} median_epoch_wall_s {median_gap:.3f} "
      f"median_epoch_engine_s {statistics.median(seconds[1:]):.3f} "
      f"median_overhead_ms {1000 * statistics.median(overheads):.1f} "
      f"overhead_percent {100 * statistics.median(overheads) / median_gap:.2f} "
      f"mean_overhead_percent {100 * sum(overheads) / sum(gaps):.2f}")
