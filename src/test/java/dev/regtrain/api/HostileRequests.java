package dev.regtrain.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile requests for every endpoint, drawn from one seeded random source: mutated and random job and prediction
 * bodies, malformed CSV uploads, odd ids, parameters and headers, wrong methods, and raw bytes no client would send.
 * They name a finished job and an uploaded dataset that must survive all of it (nothing generated here deletes them)
 * by the placeholders {@link #JOB} and {@link #DATASET}, which {@link ProbeClient} replaces by the real ids as it
 * sends: so the same seed gives the same requests, whatever ids the service hands out.
 */
final class HostileRequests {

    static final String JOB = "abcdef01-2345-4678-89ab-cdef01234567";
    static final String DATASET = "fedcba98-7654-4321-8fed-cba987654321";

    static final String JOBS = "/api/v1/jobs";
    static final String DATASETS = "/api/v1/datasets";

    /** The contract's example, made small and with every field written out. */
    static final String FULL_JOB = """
            {"name": "moons-l2-dropout", "seed": 42, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.3},
             "validationSplit": 0.2, "standardize": true,
             "network": {"hidden": [{"units": 8, "activation": "relu"}, {"units": 8, "activation": "tanh"}],
                         "output": "auto", "init": "auto"},
             "training": {"epochs": 3, "batchSize": 32, "optimizer": "momentum", "learningRate": 0.05, "momentum": 0.9,
                          "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "shuffle": true},
             "regularization": {
               "penalty": {"l1": 0.0, "l2": 0.5, "regularizeBias": false, "l1Update": "subgradient", "weightDecay": 0.0,
                           "maxNorm": null, "layers": [{"l1": 0.1, "l2": 0.2}, null, {"l2": 1.0}]},
               "dropout": {"input": 0.1, "hidden": [0.5, 0.25]},
               "earlyStopping": {"monitor": "val_loss", "mode": "auto", "patience": 10, "minDelta": 0.0001,
                                 "relativeDelta": false, "startFromEpoch": 0, "baseline": null,
                                 "restoreBestWeights": true},
               "augmentation": null},
             "checkpoints": {"everyEpochs": 1, "keepLast": 3}, "initialWeights": null}""";

    /** A warm start for logistic regression on moons, from a model document small enough to mutate anywhere. */
    static final String SMALL_WARM_START = """
            {"seed": 3, "dataset": {"builtin": "moons", "samples": 100}, "training": {"epochs": 2},
             "initialWeights": {"model": {"format": "regtrain-model/1", "task": "classification", "inputs": 2,
               "classes": ["0", "1"], "standardization": {"mean": [0.5, 0.25], "std": [0.9, 0.5]},
               "layers": [{"inputs": 2, "units": 1, "activation": "sigmoid", "weights": [[0.1], [-0.2]],
                           "bias": [0.0]}]}}}""";

    static final List<String> CONTENT_TYPES = List.of("application/json; charset=UTF-8",
            "application/json;charset=utf-16", "application/json; charset=nope", "application/json; charset=",
            "application/json;;;", "APPLICATION/JSON", "application/*", "*/*", "text/plain", "text/csv",
            "application/csv", "text/csv; charset=ISO-8859-1", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "multipart/form-data", "application/problem+json",
            "application/vnd.api+json", "application/octet-stream", ";", "garbage", "application/ json", "");

    /** Header values are ASCII here: the HTTP client refuses others (a raw request sends some). */
    static final List<String> ACCEPTS = List.of("application/json", "text/csv", "text/event-stream", "text/html",
            "application/xml", "*/*", "application/problem+json", "image/png", "garbage", "application/json;q=0",
            ";;", "text/*", "application/*+json", "text/csv;q=0.9, application/json", "", "*/*;q=abc");

    private final Random random;
    private final HostileJson json;
    private final HostileCsv csv;
    private final String modelDocument;

    /** @param modelDocument the job's model, with the placeholder for its id */
    HostileRequests(Random random, String modelDocument) {
        this.random = random;
        this.json = new HostileJson(random);
        this.csv = new HostileCsv(random, json);
        this.modelDocument = modelDocument;
    }

    /** A mutated job submission: one of several valid bases, one to three mutations, mostly sent as JSON. */
    Probe mutatedJob() {
        String base = json.pick(List.of(FULL_JOB, ServiceTest.moonsJob(3, ""),
                ServiceTest.moonsJob(3, "\"initialWeights\": {\"job\": \"" + JOB + "\", \"checkpoint\": \"best\"}"),
                ServiceTest.moonsJob(3, "\"initialWeights\": {\"model\": " + modelDocument + "}"), SMALL_WARM_START,
                "{\"seed\": 1, \"dataset\": {\"id\": \"" + DATASET + "\"}, \"training\": {\"epochs\": 2}}",
                "{\"dataset\": {\"builtin\": \"blobs\", \"samples\": 60, \"classes\": 3, \"features\": 4,"
                        + " \"spread\": 1}, \"training\": {\"epochs\": 2}, \"network\": {\"output\": \"softmax\"}}"));
        Probe probe = Probe.of("POST jobs (mutated)", "POST", JOBS);
        return withOddHeaders(body(probe, json.mutate(base, 1 + random.nextInt(3)).getBytes(StandardCharsets.UTF_8)));
    }

    /** A job submission that was never valid: random values, random bytes, nothing, very deep, very large. */
    Probe randomJob() {
        Probe probe = Probe.of("POST jobs (random)", "POST", JOBS);
        byte[] body = switch (random.nextInt(10)) {
            case 0 -> new byte[0];
            case 1 -> csv.randomBytes(random.nextInt(2000));
            case 2 -> json.nesting(json.pick(List.of(600, 3000, 20_000))).getBytes(StandardCharsets.UTF_8);
            case 3 -> HostileCsv.concat(HostileCsv.BOM, ServiceTest.moonsJob(3, "").getBytes(StandardCharsets.UTF_8));
            case 4 -> ServiceTest.moonsJob(3, "").getBytes(StandardCharsets.UTF_16LE);
            case 5 -> withBadUtf8(ServiceTest.moonsJob(3, "\"name\": \"ab\""));
            default -> json.randomValue(1 + random.nextInt(4)).getBytes(StandardCharsets.UTF_8);
        };
        return withOddHeaders(body(probe, body));
    }

    /** An empty body to every endpoint that takes one, with every Content-Type (and none). */
    List<Probe> emptyBodies() {
        List<Probe> probes = new java.util.ArrayList<>();
        for (String path : List.of(JOBS, JOBS + "/" + JOB + "/predictions", DATASETS + "?name=empty")) {
            for (String type : CONTENT_TYPES) {
                probes.add(Probe.of("POST empty body", "POST", path).withBody(type.isEmpty() ? null : type, null));
            }
        }
        return probes;
    }

    /** A body of several megabytes, within the request limit (a raw request declares one beyond it). */
    Probe hugeJob(int megabytes) {
        String filler = "\"name\": \"" + "x".repeat(megabytes * 1024 * 1024) + "\"";
        return Probe.of("POST jobs (huge)", "POST", JOBS).withJson(ServiceTest.moonsJob(3, filler));
    }

    Probe mutatedPrediction() {
        String base = json.pick(List.of("{\"inputs\": [[0.5, -0.25], [1.0, 0.0]]}",
                "{\"inputs\": [[0.5, -0.25]], \"checkpoint\": \"best\", \"mcDropoutSamples\": 3, \"seed\": 7}",
                "{\"inputs\": [[1e308, -1e308], [4.9e-324, 0]], \"checkpoint\": \"latest\"}",
                "{\"inputs\": [[1, 2], [3]]}", "{\"inputs\": [[\"1\", \"2\"]]}", "{\"inputs\": [[[1, 2]]]}",
                "{\"inputs\": [1, 2]}", "{\"inputs\": [[null, 1]]}", "{\"inputs\": [null]}", "{\"inputs\": []}",
                "{\"inputs\": [[]]}", "{\"inputs\": [[1, 2]], \"checkpoint\": \"2\", \"mcDropoutSamples\": -1}"));
        Probe probe = Probe.of("POST predictions (mutated)", "POST", JOBS + "/" + id() + "/predictions");
        return withOddHeaders(body(probe, json.mutate(base, random.nextInt(3)).getBytes(StandardCharsets.UTF_8)));
    }

    /** Many rows within the limits, or samples at the limit on a few rows. */
    Probe largePrediction() {
        int rows = json.pick(List.of(1000, 20_000, 100_000, 100_001));
        StringBuilder inputs = new StringBuilder("{\"inputs\": [");
        for (int i = 0; i < rows; i++) {
            inputs.append(i == 0 ? "" : ",").append("[").append(random.nextGaussian()).append(",")
                    .append(random.nextGaussian()).append("]");
        }
        String mc = rows <= 1000 ? ", \"mcDropoutSamples\": " + json.pick(List.of(1000, 1001)) : "";
        return Probe.of("POST predictions (large)", "POST", JOBS + "/" + JOB + "/predictions")
                .withJson(inputs + "]" + mc + "}");
    }

    Probe upload() {
        Probe probe = Probe.of("POST datasets (CSV)", "POST", DATASETS + csv.query());
        String type = random.nextInt(8) == 0 ? json.pick(CONTENT_TYPES) : json.pick(List.of("text/csv",
                "application/csv", "text/csv; charset=UTF-8"));
        return withOddHeaders(probe.withBody(type.isEmpty() ? null : type, csv.body()));
    }

    /** A read (or a cancel) of one of the endpoints, with an odd id, reference, parameter or Accept header. */
    Probe read() {
        String id = id();
        Probe probe = switch (random.nextInt(16)) {
            case 0 -> Probe.of("GET job", "GET", JOBS + "/" + id);
            case 1 -> Probe.of("GET jobs", "GET", JOBS + listQuery());
            case 2 -> Probe.of("POST cancel", "POST", JOBS + "/" + id + "/cancel");
            case 3 -> Probe.of("GET metrics", "GET", JOBS + "/" + id + "/metrics");
            case 4 -> Probe.of("GET metrics (CSV)", "GET", JOBS + "/" + id + "/metrics").with("Accept", "text/csv");
            case 5 -> Probe.of("GET events", "GET", JOBS + "/" + id + "/events" + json.pick(List.of("", "?since=-1",
                    "?since=abc", "?since=99999999999", "?since=", "?since=2", "?since=1e3")))
                    .with("Last-Event-ID", json.pick(List.of("1", "-5", "x", "99999999999", " 3 ", "")));
            case 6 -> Probe.of("GET checkpoints", "GET", JOBS + "/" + id + "/checkpoints");
            case 7, 8 -> Probe.of("GET checkpoint", "GET", JOBS + "/" + (random.nextBoolean() ? JOB : id)
                    + "/checkpoints/" + json.pick(List.of("best", "latest", "0", "1", "2", "4", "-1", "01", "1e2",
                    "%201", "BEST", "2147483648", "99999999999999999999", "..", "%2e%2e", "best%00", "%F0%9F%98%80",
                    "a".repeat(3000), id)));
            case 9 -> Probe.of("GET model", "GET", JOBS + "/" + id + "/model");
            case 10 -> Probe.of("GET dataset", "GET", DATASETS + "/" + (random.nextBoolean() ? DATASET : id));
            case 11 -> Probe.of("GET datasets", "GET", DATASETS + json.pick(List.of("", "/builtin", "/builtin/x",
                    "?limit=-1", "/", "//")));
            case 12 -> Probe.of("GET actuator", "GET", json.pick(List.of("/actuator", "/actuator/health",
                    "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health/nothing",
                    "/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                    "/actuator/metrics/jvm.memory.used?tag=area:heap", "/actuator/metrics/jvm.memory.used?tag=bogus",
                    "/actuator/metrics/jvm.memory.used?tag=", "/actuator/metrics/no.such.metric",
                    "/actuator/prometheus", "/actuator/env", "/actuator/shutdown", "/actuator/heapdump")));
            case 13 -> Probe.of("GET docs", "GET", json.pick(List.of("/v3/api-docs", "/v3/api-docs/x",
                    "/swagger-ui.html", "/swagger-ui/index.html", "/", "/index.html", "/favicon.ico", "/error",
                    "/api", "/api/v1", "/api/v2/jobs", "/API/V1/JOBS", "/api/v1/jobs.json", "/api/v1//jobs")));
            default -> Probe.of("GET job", "GET", JOBS + "/" + id + json.pick(List.of("/", "/x", "/metrics/x",
                    "/model/x", "/predictions", "/events/x", "?x=1", "#frag")));
        };
        if (random.nextInt(3) == 0) {
            probe = probe.with("Accept", json.pick(ACCEPTS));
        }
        return withOddHeaders(random.nextInt(6) == 0 ? body(probe, json.hostileValue().getBytes(StandardCharsets.UTF_8))
                : probe);
    }

    /** A method the path does not take (never DELETE on the job or dataset that must survive). */
    Probe wrongMethod() {
        String id = random.nextBoolean() ? JOB : uuid();
        String one = JOBS + "/" + id;
        String path = json.pick(List.of(JOBS, one, one + "/cancel", one + "/metrics", one + "/events",
                one + "/checkpoints", one + "/checkpoints/best", one + "/model", one + "/predictions", DATASETS,
                DATASETS + "/builtin", DATASETS + "/" + DATASET, "/actuator/health", "/actuator/prometheus",
                "/v3/api-docs"));
        String method = json.pick(List.of("PUT", "PATCH", "DELETE", "POST", "GET", "HEAD", "OPTIONS", "TRACE",
                "PROPFIND", "FOO", "get"));
        boolean survivor = path.equals(JOBS + "/" + JOB) || path.equals(DATASETS + "/" + DATASET);
        if (method.equals("DELETE") && survivor) {
            method = "PUT";
        }
        Probe probe = Probe.of("wrong method", method, path);
        return withOddHeaders(random.nextBoolean() ? probe
                : body(probe, json.hostileValue().getBytes(StandardCharsets.UTF_8)));
    }

    /** DELETE with ids that name nothing (the job and dataset that must survive are never among them). */
    Probe oddDelete() {
        String id = json.pick(List.of(uuid(), "x", "%2e%2e", "..", "%00", "%F0%9F%98%80", "a".repeat(4000),
                JOB.toUpperCase(java.util.Locale.ROOT), JOB + "x", JOB.substring(1), "*", "%25"));
        return Probe.of("DELETE odd id", "DELETE", (random.nextBoolean() ? JOBS : DATASETS) + "/" + id);
    }

    /** An id for a path: mostly the real job, often something that only looks like one, percent-encoded. */
    String id() {
        if (random.nextInt(10) < 4) {
            return JOB;
        }
        return json.pick(List.of(uuid(), DATASET, "", "x", JOB.toUpperCase(java.util.Locale.ROOT),
                JOB + "%20", JOB + "x", JOB.substring(0, 35), "..", ".", "%2e%2e", "%00", "%ff", "%C0%AE", "%ED%A0%80",
                "%F0%9F%98%80", "%E2%80%AE", "%E2%80%8B", "a".repeat(5000), "a".repeat(9000), "null", "-1", "0",
                "99999999999999999999", "%3B", ";a=b", JOB + ";a=b", "%2F", "%5C", "~", "*", "%25", "%20", "+",
                "%22%3E%3Cscript%3E", "%7B%7D"));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String listQuery() {
        return json.pick(List.of("", "?status=RUNNING,queued", "?status=DONE", "?status=", "?status=,,,",
                "?status=" + "S".repeat(3000), "?limit=0", "?limit=-1", "?limit=1001", "?limit=abc", "?limit=1e3",
                "?limit=2147483648", "?limit=", "?limit=1&limit=2", "?cursor=garbage", "?cursor=",
                "?cursor=eHx5", "?cursor=MjAyMC0wMS0wMVQwMDowMDowMFp8aWQ", "?cursor=!!!", "?cursor=%00",
                "?limit=1&cursor=" + "A".repeat(4000), "?status=%F0%9F%98%80"));
    }

    /** The body with a Content-Type: mostly JSON, sometimes wrong, odd or missing. */
    private Probe body(Probe probe, byte[] body) {
        String type = random.nextInt(8) == 0 ? json.pick(CONTENT_TYPES) : "application/json";
        return probe.withBody(type.isEmpty() ? null : type, body);
    }

    private Probe withOddHeaders(Probe probe) {
        if (random.nextInt(5) != 0) {
            return probe;
        }
        return switch (random.nextInt(6)) {
            case 0 -> probe.with("Accept", json.pick(ACCEPTS));
            case 1 -> probe.with("Accept-Charset", json.pick(List.of("utf-32", "nope", "*;q=0")));
            case 2 -> probe.with("Content-Encoding", json.pick(List.of("gzip", "br", "identity, gzip")));
            case 3 -> probe.with("Idempotency-Key", json.pick(List.of("", "k", "%F0%9F%98%80", "k".repeat(2000))));
            case 4 -> probe.with("Accept-Language", json.pick(List.of("xx", "*", "de-DE;q=2")));
            default -> probe.with("X-Forwarded-Prefix", "/evil").with("X-Forwarded-Host", "evil.example");
        };
    }

    private byte[] withBadUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length / 2;
        return HostileCsv.concat(java.util.Arrays.copyOf(bytes, at), json.pick(HostileCsv.BAD_UTF8),
                java.util.Arrays.copyOfRange(bytes, at, bytes.length));
    }
}
