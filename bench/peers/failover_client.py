"""Time from an instance's death to its job training again elsewhere, for bench/scaleout.
python3 failover_client.py LEASE_SECONDS BASE_A PID_A BASE_B PID_B

Two instances on one PostgreSQL, both idle. Submits a long job (checkpoints every 5 epochs), waits until one of the
instances trains it and has passed epoch 30, kills that instance with SIGKILL and polls the job on the other every
20 ms: "resumed" is the moment the survivor shows resumedFromEpoch (it claimed the job after its lease ran out and
rewound it to its last checkpoint), "training" the moment its epoch counter passes that checkpoint (an epoch trained
on the survivor). Then cancels the job. Prints one RESULT line; the shell restarts the killed instance (its pid is in
the line)."""
import json, os, signal, sys, time, urllib.request

LONG_JOB = {"name": "failover", "seed": 11, "dataset": {"builtin": "spirals", "samples": 3000, "classes": 3},
            "network": {"hidden": [{"units": 64}, {"units": 64}]},
            "training": {"epochs": 100000, "batchSize": 32}, "checkpoints": {"everyEpochs": 5}}


def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def until(condition, timeout_s, poll_s, what):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(poll_s)
    raise SystemExit(f"failover: timed out waiting for {what}")


def main():
    lease_s = float(sys.argv[1])
    instances = {int(sys.argv[3]): sys.argv[2], int(sys.argv[5]): sys.argv[4]}
    any_base = sys.argv[2]
    job = call(any_base, "POST", "/api/v1/jobs", LONG_JOB)["id"]

    def owner():
        for instance in call(any_base, "GET", "/api/v1/cluster")["instances"]:
            pid = int(instance["id"].rsplit("/", 1)[1])
            if job in instance["jobs"] and pid in instances:
                return pid
        return None

    victim = until(owner, 60, 0.1, "an instance to claim the job")
    survivor = next(base for pid, base in instances.items() if pid != victim)
    until(lambda: call(instances[victim], "GET", f"/api/v1/jobs/{job}")["progress"]["epoch"] >= 30, 120, 0.1,
          "epoch 30")
    epoch_at_kill = call(instances[victim], "GET", f"/api/v1/jobs/{job}")["progress"]["epoch"]
    os.kill(victim, signal.SIGKILL)
    killed = time.monotonic()
    resumed = training = None
    resumed_from = None
    while training is None:
        if time.monotonic() - killed > lease_s + 60:
            raise SystemExit("failover: the job did not train again within the lease and a minute")
        record = call(survivor, "GET", f"/api/v1/jobs/{job}")
        now = time.monotonic()
        resumed_from = record.get("resumedFromEpoch")
        if resumed_from is not None:
            resumed = resumed or now
            if record["status"] == "RUNNING" and record["progress"]["epoch"] > resumed_from:
                training = now
        time.sleep(0.02)
    call(survivor, "POST", f"/api/v1/jobs/{job}/cancel")
    until(lambda: call(survivor, "GET", f"/api/v1/jobs/{job}")["status"] == "CANCELLED", 60, 0.1, "the cancel")
    print(f"RESULT regtrain-failover killed_pid {victim} lease_s {lease_s:g} epoch_at_kill {epoch_at_kill} "
          f"resumed_from_epoch {resumed_from} resumed_s {resumed - killed:.2f} training_s {training - killed:.2f}",
          flush=True)


if __name__ == "__main__":
    main()
