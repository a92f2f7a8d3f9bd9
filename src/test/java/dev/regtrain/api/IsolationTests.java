package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The isolation matrix: for every resource and every path under it, another owner's key gets exactly the answer of an
 * id that does not exist (404, the same body but for the id), and the owner's own key gets anything but that. Lists
 * leave other owners' resources out, references to them (dataset, warm start, comparison) are refused as unknown, and
 * an admin sees everything, with its owner.
 */
class IsolationTests extends KeyedServiceTest {

    private static final String MOONS_CSV = "x1,x2,label\n-1.0,0.2,0\n-0.5,0.8,0\n0.0,1.0,0\n0.5,0.9,0\n"
            + "1.0,-0.4,1\n1.5,-0.3,1\n2.0,0.3,1\n0.5,-0.4,1\n";
    private static final String STUDY = """
            {"name": "iso", "seed": 3,
             "template": {"dataset": {"builtin": "moons", "samples": 80}, "network": {"hidden": [{"units": 4}]},
                          "training": {"epochs": 3, "batchSize": 0, "optimizer": "adam", "learningRate": 0.05}},
             "search": {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.1, 1]}}}}
            """;

    /** What team-a owns, made once for the class. */
    record Owned(String owner, String other, String admin, String job, String dataset, String study) {
    }

    private static Owned owned;

    /** One request: method, path (with ID where the resource's id goes), body or null. */
    record Probe(String resource, HttpMethod method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void ownSomething() {
        if (owned != null) {
            return;
        }
        String a = newKey("team-a", "user");
        String b = newKey("team-b", "user");
        String admin = newKey("ops", "admin");
        String dataset = read(send(a, HttpMethod.POST, "/api/v1/datasets?name=mine", MOONS_CSV, "text/csv", 201))
                .get("id").asString();
        String job = read(send(a, HttpMethod.POST, "/api/v1/jobs", """
                {"name": "mine", "seed": 1, "dataset": {"id": "%s"}, "network": {"hidden": [{"units": 4}]},
                 "training": {"epochs": 3, "batchSize": 0}, "checkpoints": {"everyEpochs": 1}}
                """.formatted(dataset), "application/json", 202)).get("id").asString();
        String study = read(send(a, HttpMethod.POST, "/api/v1/studies", STUDY, "application/json", 202))
                .get("id").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                Set.of("SUCCEEDED", "FAILED").contains(read(send(a, HttpMethod.GET, "/api/v1/jobs/" + job, null, null,
                        200)).get("status").asString())
                        && !read(send(a, HttpMethod.GET, "/api/v1/studies/" + study, null, null, 200)).get("status")
                        .asString().equals("RUNNING"));
        owned = new Owned(a, b, admin, job, dataset, study);
    }

    static Stream<Probe> everyPathOfEveryResource() {
        String jobs = "/api/v1/jobs/ID";
        String predict = "{\"inputs\": [[0.0, 0.5]]}";
        return Stream.of(
                new Probe("job", HttpMethod.GET, jobs, null),
                new Probe("job", HttpMethod.GET, jobs + "/metrics", null),
                new Probe("job", HttpMethod.GET, jobs + "/events", null),
                new Probe("job", HttpMethod.GET, jobs + "/checkpoints", null),
                new Probe("job", HttpMethod.GET, jobs + "/checkpoints/best", null),
                new Probe("job", HttpMethod.GET, jobs + "/model", null),
                new Probe("job", HttpMethod.GET, jobs + "/model?format=onnx", null),
                new Probe("job", HttpMethod.POST, jobs + "/predictions", predict),
                new Probe("job", HttpMethod.POST, jobs + "/evaluations", "{}"),
                new Probe("job", HttpMethod.POST, jobs + "/gradient-check", "{\"examples\": 4}"),
                new Probe("job", HttpMethod.POST, jobs + "/continue", "{\"epochs\": 1}"),
                new Probe("job", HttpMethod.GET, jobs + "/plots/loss.png", null),
                new Probe("job", HttpMethod.GET, jobs + "/plots/accuracy.png", null),
                new Probe("job", HttpMethod.GET, jobs + "/plots/weights.png", null),
                new Probe("job", HttpMethod.GET, jobs + "/plots/gradients.png", null),
                new Probe("job", HttpMethod.GET, jobs + "/plots/histogram.png", null),
                new Probe("job", HttpMethod.GET, jobs + "/plots/decision-boundary.png", null),
                new Probe("job", HttpMethod.POST, jobs + "/cancel", null),
                new Probe("job", HttpMethod.DELETE, jobs, null),
                new Probe("dataset", HttpMethod.GET, "/api/v1/datasets/ID", null),
                new Probe("dataset", HttpMethod.GET, "/api/v1/datasets/ID/preview", null),
                new Probe("dataset", HttpMethod.DELETE, "/api/v1/datasets/ID", null),
                new Probe("study", HttpMethod.GET, "/api/v1/studies/ID", null),
                new Probe("study", HttpMethod.GET, "/api/v1/studies/ID/events", null),
                new Probe("study", HttpMethod.GET, "/api/v1/studies/ID/results", null),
                new Probe("study", HttpMethod.GET, "/api/v1/studies/ID/plots/path.png", null),
                new Probe("study", HttpMethod.GET, "/api/v1/studies/ID/plots/validation-curve.png", null),
                new Probe("study", HttpMethod.POST, "/api/v1/studies/ID/cancel", null),
                new Probe("study", HttpMethod.DELETE, "/api/v1/studies/ID", null));
    }

    private String idOf(String resource) {
        return switch (resource) {
            case "job" -> owned.job();
            case "dataset" -> owned.dataset();
            default -> owned.study();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPathOfEveryResource")
    void anotherOwnerGetsTheAnswerOfAnUnknownId(Probe probe) {
        String id = idOf(probe.resource());
        String unknown = UUID.randomUUID().toString();

        Answer theirs = exchange(owned.other(), probe, id);
        Answer none = exchange(owned.other(), probe, unknown);

        assertThat(none.status()).as("an unknown id").isEqualTo(404);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().replace(id, "ID")).isEqualTo(none.body().replace(unknown, "ID"));
        if (!probe.method().equals(HttpMethod.DELETE) && !probe.path().endsWith("/cancel")) {
            assertThat(exchange(owned.owner(), probe, id).status()).as("the owner's own key").isNotEqualTo(404);
        }
    }

    @Test
    void listsLeaveOtherOwnersResourcesOutAndAnAdminSeesThemWithTheirOwner() {
        assertThat(send(owned.other(), HttpMethod.GET, "/api/v1/jobs", null, null, 200))
                .doesNotContain(owned.job());
        assertThat(send(owned.other(), HttpMethod.GET, "/api/v1/datasets", null, null, 200))
                .doesNotContain(owned.dataset());
        assertThat(send(owned.other(), HttpMethod.GET, "/api/v1/studies", null, null, 200))
                .doesNotContain(owned.study());
        assertThat(send(owned.owner(), HttpMethod.GET, "/api/v1/jobs?limit=1000", null, null, 200))
                .contains(owned.job());

        JsonNode job = read(send(owned.admin(), HttpMethod.GET, "/api/v1/jobs/" + owned.job(), null, null, 200));
        assertThat(job.get("owner").asString()).isEqualTo("team-a");
        assertThat(read(send(owned.admin(), HttpMethod.GET, "/api/v1/datasets/" + owned.dataset(), null, null, 200))
                .get("owner").asString()).isEqualTo("team-a");
        assertThat(read(send(owned.admin(), HttpMethod.GET, "/api/v1/studies/" + owned.study(), null, null, 200))
                .get("owner").asString()).isEqualTo("team-a");
        assertThat(send(owned.admin(), HttpMethod.GET, "/api/v1/jobs?limit=1000", null, null, 200))
                .contains(owned.job(), "\"owner\":\"team-a\"");
    }

    @Test
    void anotherOwnersDatasetOrWarmStartIsRefusedLikeAnUnknownOne() {
        String unknown = UUID.randomUUID().toString();
        for (String template : List.of("{\"seed\": 1, \"dataset\": {\"id\": \"%s\"}, \"training\": {\"epochs\": 1}}",
                "{\"seed\": 1, \"dataset\": {\"builtin\": \"moons\"}, \"training\": {\"epochs\": 1}, "
                        + "\"initialWeights\": {\"job\": \"%s\"}}")) {
            String id = template.contains("initialWeights") ? owned.job() : owned.dataset();
            String theirs = send(owned.other(), HttpMethod.POST, "/api/v1/jobs", template.formatted(id),
                    "application/json", 400);
            String none = send(owned.other(), HttpMethod.POST, "/api/v1/jobs", template.formatted(unknown),
                    "application/json", 400);
            assertThat(theirs.replace(id, "ID")).isEqualTo(none.replace(unknown, "ID"));
        }
        Probe compare = new Probe("job", HttpMethod.GET, "/api/v1/plots/compare.png?jobs=ID", null);
        Answer compareTheirs = exchange(owned.other(), compare, owned.job());
        Answer compareNone = exchange(owned.other(), compare, unknown);
        assertThat(compareNone.status()).isEqualTo(400);
        assertThat(compareTheirs.status()).isEqualTo(400);
        assertThat(compareTheirs.body().replace(owned.job(), "ID")).isEqualTo(compareNone.body().replace(unknown, "ID"));
        assertThat(exchange(owned.owner(), compare, owned.job()).status()).isEqualTo(200);
    }

    record Answer(int status, String body) {
    }

    private Answer exchange(String key, Probe probe, String id) {
        RestTestClient.RequestBodySpec spec = http.method(probe.method()).uri(probe.path().replace("ID", id))
                .header("Authorization", bearer(key));
        RestTestClient.RequestHeadersSpec<?> ready = probe.body() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).body(probe.body());
        var result = ready.exchange().returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseBody() == null ? ""
                : result.getResponseBody());
    }

    private String send(String key, HttpMethod method, String path, String body, String type, int status) {
        RestTestClient.RequestBodySpec spec = http.method(method).uri(path).header("Authorization", bearer(key));
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.parseMediaType(type)).body(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody();
    }

    private static JsonNode read(String body) {
        return JSON.readTree(body);
    }
}
