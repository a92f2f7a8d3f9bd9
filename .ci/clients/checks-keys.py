# Appended to the README's Python snippet of "Sharing the service" by .ci/clients/run (which also checks that it
# printed the 401): what it did, checked.
def check(condition, what):
    if not condition:
        raise SystemExit(f"python client with a key: {what}")
    print(f"ok - {what}")


check(len(mine) > 0 and all(job.owner == mine[0].owner != "anonymous" for job in mine),
      f"the key lists its owner's jobs only ({mine[0].owner if mine else 'none'})")
