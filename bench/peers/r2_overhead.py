"""R2's per-job overhead: python3 r2_overhead.py BASE_URL [jobs] [precision].

Runs R2's job (r2_client.job) one at a time on an otherwise idle service and follows each on its event stream from
the moment of submission: the time from sending the POST to the arrival of the first epoch event (validation, the
job record written with fsync, queueing, data generation, splitting and standardising, the first epoch itself), and
from the last epoch event to the final SUCCEEDED status event (the model document and the final checkpoint written
with fsync, the job record updated). The first epoch's own seconds are subtracted from the first figure, so both are
what the service adds around a job's training. A job whose first epoch had already ended when the stream opened
(its epochs would arrive as a replay) is counted and left out. Prints one line per job and a RESULT line with the
medians."""
import json, statistics, sys, time, urllib.request

from r2_client import job

base = sys.argv[1]
jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
precision = sys.argv[3] if len(sys.argv) > 3 else None

before, after, epochs, replayed = [], [], [], 0
for seed in range(1000, 1000 + jobs):
    body = job(seed, precision)
    request = urllib.request.Request(base + "/api/v1/jobs", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    submitted = time.monotonic()
    job_id = json.load(urllib.request.urlopen(request))["id"]
    first = last = done = None
    first_seconds, seconds, event, live = None, [], None, True
    with urllib.request.urlopen(f"{base}/api/v1/jobs/{job_id}/events", timeout=120) as stream:
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event == "status":
                record = json.loads(line[5:])
                if first is None and record.get("latest"):
                    live = False
                if record["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                    done = time.monotonic()
                    assert record["status"] == "SUCCEEDED", record
                    break
            elif line.startswith("data:") and event == "epoch":
                now = time.monotonic()
                row = json.loads(line[5:])
                if first is None:
                    first, first_seconds = now, row["seconds"]
                last = now
                seconds.append(row["seconds"])
    if not live:
        replayed += 1
        continue
    before.append(first - submitted - first_seconds)
    after.append(done - last)
    epochs.append(statistics.median(seconds))
    print(f"job {job_id}: submission to first epoch {1000 * (first - submitted):.1f} ms (epoch 1 itself "
          f"{1000 * first_seconds:.1f} ms), last epoch to SUCCEEDED {1000 * (done - last):.1f} ms, "
          f"median epoch {1000 * epochs[-1]:.2f} ms")

print(f"RESULT regtrain-r2-overhead{'-' + precision if precision else ''} jobs {len(before)} replayed {replayed} "
      f"submission_to_first_epoch_ms {1000 * statistics.median(before):.1f} "
      f"last_epoch_to_succeeded_ms {1000 * statistics.median(after):.1f} "
      f"median_epoch_ms {1000 * statistics.median(epochs):.2f} "
      f"overhead_in_epochs {(statistics.median(before) + statistics.median(after)) / statistics.median(epochs):.1f}")
