# Appended to the README's Python snippet by .ci/clients/run: what it did, checked.
def check(condition, what):
    if not condition:
        raise SystemExit(f"python client: {what}")
    print(f"ok - {what}")


check(job.status == "SUCCEEDED", f"the job succeeded ({job.status})")
check(job.request.regularization.penalty.l2 == 0.1, "the request echoes the penalty")
check(len(predictions) == 2 and all(p.label in ("0", "1") for p in predictions), "two predictions with a class each")
check(abs(sum(predictions[0].probabilities) - 1) < 1e-9, "the probabilities sum to 1")
check(model.inputs == 2 and len(model.layers) == 2, "the model has 2 inputs and 2 weight layers")
listed = jobs.list_jobs(status=["SUCCEEDED"], limit=100)
check(any(j.id == job.id and j.best is not None for j in listed.jobs), "the job list has it with its best")
try:
    jobs.submit_job(rt.JobRequest.from_dict({"dataset": {"builtin": "moons"}, "training": {"epochs": 0}}))
    check(False, "an invalid job is refused")
except rt.ApiException as error:
    import json
    check(error.status == 400 and json.loads(error.body)["errors"][0]["field"] == "training.epochs",
          "an invalid job is a 400 naming training.epochs")
key = os.environ.get("REGTRAIN_KEY")
if key:  # the service runs with keys: the client sent this one, and a client without a key is refused
    check(job.owner not in (None, "anonymous"), f"the job belongs to the key's owner ({job.owner})")
    try:
        rt.JobsApi(rt.ApiClient(rt.Configuration(host=client.configuration.host))).list_jobs()
        check(False, "a call without the key is refused")
    except rt.ApiException as error:
        check(error.status == 401 and error.headers["WWW-Authenticate"].startswith("Bearer "),
              "a call without the key is a 401 asking for a bearer key")
else:
    check(job.owner == "anonymous", "without keys the job belongs to anonymous")
