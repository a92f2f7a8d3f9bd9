"""The figures of bench/scaleout from its log: python3 scaleout_summary.py LOG.

Log lines: "R1 <file|postgres> <round> epoch <e> wall <s>s engine <s>s overhead <ms>ms" (r1_service_client.py's epoch
lines), "R2 <one|two> <round> RESULT ... jobs_per_minute <x> ..." (r2_client.py) and "FAILOVER RESULT ... training_s
<s> ..." (failover_client.py). Prints medians over all rounds, the spread of the rounds (min-max of each round's
median), the ratios against the goals of PERFORMANCE.md ("Scale-out figures"), and the paired ratio of each round."""
import statistics, sys
from collections import defaultdict


def fields(words):
    return {words[i]: words[i + 1] for i in range(0, len(words) - 1)}


def number(text):
    return float(text.rstrip("ms"))   # "0.512s", "12.0ms"


def spread(values, digits):
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}"


r1 = defaultdict(lambda: defaultdict(list))   # store -> round -> [(wall, engine, overhead)]
r2 = defaultdict(dict)                        # config -> round -> jobs per minute
r2_overhead = defaultdict(list)               # config -> each round's share of the jobs' wall time outside epochs
failover, lease, r2_jobs = [], None, None
for line in open(sys.argv[1]):
    words = line.split()
    if len(words) > 3 and words[0] == "R1" and words[3] == "epoch":
        f = fields(words[3:])
        r1[words[1]][int(words[2])].append((number(f["wall"]), number(f["engine"]), number(f["overhead"]) / 1000))
    elif len(words) > 3 and words[0] == "R2" and words[3] == "RESULT":
        r2[words[1]][int(words[2])] = float(fields(words)["jobs_per_minute"])
        r2_jobs = fields(words)["jobs"]
        r2_overhead[words[1]].append(float(fields(words)["service_overhead_percent"]))
    elif words[:2] == ["FAILOVER", "RESULT"]:
        f = fields(words)
        failover.append((float(f["training_s"]), float(f["resumed_s"])))
        lease = float(f["lease_s"])

if r1:
    print("R1's network per epoch (12k samples; wall = gap between epoch events, overhead = wall - the engine's own "
          "seconds; the mean includes the best checkpoint's writes, at most one per 2 s), medians over all epochs 2..n of all rounds; spread = min-max of the rounds' medians:")
    medians, means = {}, {}
    for store in ("file", "postgres"):
        rounds = r1[store]
        epochs = [e for r in rounds.values() for e in r]
        wall = statistics.median(e[0] for e in epochs)
        overhead = statistics.median(e[2] for e in epochs)
        medians[store] = (wall, overhead)
        means[store] = statistics.mean(e[2] for e in epochs)
        print(f"  {store:8s} rounds {len(rounds)} epochs {len(epochs)} median_epoch_s {wall:.3f} "
              f"(rounds {spread([statistics.median(e[0] for e in r) for r in rounds.values()], 3)}) "
              f"median_overhead_ms {1000 * overhead:.1f} "
              f"(rounds {spread([1000 * statistics.median(e[2] for e in r) for r in rounds.values()], 1)}) "
              f"mean_overhead_ms {1000 * statistics.mean(e[2] for e in epochs):.1f}")
    if len(medians) == 2 and medians["file"][0] > 0:
        (fw, fo), (pw, po) = medians["file"], medians["postgres"]
        paired = [statistics.median(e[0] for e in r1["postgres"][n]) / statistics.median(e[0] for e in r1["file"][n])
                  for n in sorted(set(r1["file"]) & set(r1["postgres"]))]
        print(f"RESULT scaleout-r1 epoch_ratio_postgres_to_file {pw / fw:.3f} "
              f"(paired rounds {spread(paired, 3)}) added_overhead_ms {1000 * (po - fo):.1f} "
              f"added_overhead_percent {100 * (po - fo) / fw:.2f} goal_percent 3 "
              f"added_mean_overhead_ms {1000 * (means['postgres'] - means['file']):.1f} "
              f"added_mean_overhead_percent {100 * (means['postgres'] - means['file']) / fw:.2f}")

if r2:
    print(f"R2 ({r2_jobs} jobs from first POST to last SUCCEEDED), jobs per minute, one worker per instance, one thread per job:")
    names = {"one": "one instance", "two": "two instances", "file-one": "one instance, file store"}
    for config, name in names.items():
        rounds = r2[config]
        if rounds:
            print(f"  {name}: rounds {len(rounds)} median {statistics.median(rounds.values()):.1f} "
                  f"(rounds {spread(list(rounds.values()), 1)}); a job's wall time outside its epochs "
                  f"{statistics.median(r2_overhead[config]):.1f} %")
    if r2["one"] and r2["file-one"]:
        print(f"RESULT scaleout-r2-store one_postgres_to_one_file "
              f"{statistics.median(r2['one'].values()) / statistics.median(r2['file-one'].values()):.2f}")
    if r2["one"] and r2["two"]:
        paired = [r2["two"][n] / r2["one"][n] for n in sorted(set(r2["one"]) & set(r2["two"]))]
        print(f"RESULT scaleout-r2 speedup_two_to_one "
              f"{statistics.median(r2['two'].values()) / statistics.median(r2['one'].values()):.2f} "
              f"(paired rounds {spread(paired, 2)}) goal 1.8")

if failover:
    training = [t for t, _ in failover]
    resumed = [r for _, r in failover]
    print(f"Failover: SIGKILL to the job training again on the other instance, lease {lease:g} s, {len(failover)} kills:")
    print(f"  resumed (claimed and rewound): median {statistics.median(resumed):.2f} s ({spread(resumed, 2)})")
    print(f"  training (an epoch past the checkpoint): median {statistics.median(training):.2f} s "
          f"({spread(training, 2)}): {' '.join(f'{t:.2f}' for t in training)}")
    print(f"RESULT scaleout-failover median_s {statistics.median(training):.2f} max_s {max(training):.2f} "
          f"goal_s {lease + 5:g}")
