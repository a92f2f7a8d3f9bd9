package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.security.KeyService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * regtrain.security.quota.max-stored-bytes over HTTP, with keys, on the file store: 413 problems that name the quota,
 * the owner and the numbers; nothing stored or queued; a running job finishes beyond the quota; other owners are
 * unaffected; deleting makes room. Every test acts for owners of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestPropertySource(properties = {"regtrain.workers=2", "regtrain.security.mode=api-key",
        "regtrain.security.rate.requests-per-second=1000", "regtrain.security.rate.burst=1000",
        "regtrain.security.quota.max-stored-bytes=" + StorageQuotaHttpTests.LIMIT_BYTES})
class StorageQuotaHttpTests {

    static final long LIMIT_BYTES = 2048;
    private static final String ADMIN = "rtk_admin-key-of-the-quota-tests";
    private static final Path DATA_DIR = TemporaryDirectories.create("regtrain-quota-test-");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SMALL_CSV = "x1,x2,label\n-1.0,0.2,0\n-0.5,0.8,0\n1.0,-0.4,1\n1.5,-0.3,1\n";
    /** 200 rows of two features: over 3,000 bytes stored, more than the quota alone. */
    private static final String LARGE_CSV = largeCsv();
    /** 32 hidden units trained by Adam, a checkpoint every epoch: each of them is bigger than the quota. */
    private static final String JOB = """
            {"seed": 1, "dataset": {"builtin": "moons", "samples": 100},
             "network": {"hidden": [{"units": 32}]},
             "training": {"epochs": 3, "optimizer": "adam", "learningRate": 0.01},
             "checkpoints": {"everyEpochs": 1, "keepLast": 2}}
            """;
    private static final String STUDY = """
            {"seed": 3,
             "template": {"dataset": {"builtin": "moons", "samples": 80}, "network": {"hidden": [{"units": 4}]},
                          "training": {"epochs": 3, "batchSize": 0, "optimizer": "adam", "learningRate": 0.05}},
             "search": {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.1, 1]}}}}
            """;

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("regtrain.data-dir", DATA_DIR::toString);
        registry.add("regtrain.security.bootstrap-admin-key-sha256", () -> KeyService.sha256(ADMIN));
    }


    private static String largeCsv() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i * 0.01).append(',').append(1 - i * 0.01).append(',').append(i % 2).append('\n');
        }
        return csv.toString();
    }

    record Answer(int status, JsonNode body, String contentType) {
    }

    private Answer send(String key, HttpMethod method, String path, String body, String type) {
        RestTestClient.RequestBodySpec spec = http.method(method).uri(path).header("Authorization", "Bearer " + key);
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.parseMediaType(type)).body(body);
        var result = ready.exchange().returnResult(String.class);
        String text = result.getResponseBody();
        MediaType contentType = result.getResponseHeaders().getContentType();
        return new Answer(result.getStatus().value(), text == null || text.isEmpty() ? null : JSON.readTree(text),
                contentType == null ? null : contentType.toString());
    }

    /** A new owner with a user key of its own. */
    private String newOwnerKey(String prefix) {
        String owner = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = send(ADMIN, HttpMethod.POST, "/api/v1/keys", "{\"owner\": \"" + owner
                + "\", \"role\": \"user\", \"name\": \"quota\"}", "application/json");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("key").asString();
    }

    private Answer upload(String key, String csv) {
        return send(key, HttpMethod.POST, "/api/v1/datasets?name=q", csv, "text/csv");
    }

    private Answer submit(String key) {
        return send(key, HttpMethod.POST, "/api/v1/jobs", JOB, "application/json");
    }

    private static void assertStorageQuotaProblem(Answer answer, String path) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = answer.body();
        assertThat(problem.get("type").asString()).isEqualTo("https://regtrain.dev/problems/storage-quota-exceeded");
        assertThat(problem.get("title").asString()).isEqualTo("Storage quota exceeded");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.get("quota").asString()).isEqualTo("regtrain.security.quota.max-stored-bytes");
        assertThat(problem.get("limitBytes").asLong()).isEqualTo(LIMIT_BYTES);
        assertThat(problem.get("storedBytes").asLong())
                .isEqualTo(problem.get("datasetBytes").asLong() + problem.get("checkpointBytes").asLong());
        assertThat(problem.get("detail").asString()).contains("regtrain.security.quota.max-stored-bytes",
                "DELETE /api/v1/datasets/{id}", "DELETE /api/v1/jobs/{id}");
    }

    private int datasetsOf(String key) {
        return send(key, HttpMethod.GET, "/api/v1/datasets", null, null).body().get("datasets").size();
    }

    @Test
    void anUploadBeyondTheQuotaIs413WithTheNumbersAndNothingIsStoredWhileAnotherOwnerUploads() {
        String teamA = newOwnerKey("team-a");
        assertThat(upload(teamA, SMALL_CSV).status()).isEqualTo(201);

        Answer refused = upload(teamA, LARGE_CSV);

        assertStorageQuotaProblem(refused, "/api/v1/datasets");
        JsonNode problem = refused.body();
        assertThat(problem.get("owner").asString()).startsWith("team-a-");
        assertThat(problem.get("datasetBytes").asLong()).isPositive();
        assertThat(problem.get("checkpointBytes").asLong()).isZero();
        assertThat(problem.get("newDatasetBytes").asLong()).isGreaterThan(LIMIT_BYTES);
        assertThat(datasetsOf(teamA)).as("nothing of the refused upload is kept").isEqualTo(1);
        assertThat(upload(teamA, SMALL_CSV).status()).as("a small one still fits").isEqualTo(201);

        String teamB = newOwnerKey("team-b");
        assertThat(upload(teamB, SMALL_CSV).status()).isEqualTo(201);
    }

    @Test
    void aRunningJobFinishesBeyondTheQuotaThenNewWorkIs413UntilTheOwnerDeletesIt() {
        String teamA = newOwnerKey("team-a");
        String teamB = newOwnerKey("team-b");
        String job = submit(teamA).body().get("id").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                "SUCCEEDED".equals(send(teamA, HttpMethod.GET, "/api/v1/jobs/" + job, null, null).body()
                        .get("status").asString()));
        assertThat(send(teamA, HttpMethod.GET, "/api/v1/jobs/" + job + "/checkpoints", null, null).body()
                .get("checkpoints").size()).as("the job kept its checkpoints").isPositive();

        Answer submitted = submit(teamA);
        assertStorageQuotaProblem(submitted, "/api/v1/jobs");
        assertThat(submitted.body().get("checkpointBytes").asLong()).as("the job's checkpoints took its owner "
                + "beyond the quota while it ran").isGreaterThan(LIMIT_BYTES);
        assertThat(submitted.body().has("newDatasetBytes")).isFalse();
        assertStorageQuotaProblem(send(teamA, HttpMethod.POST, "/api/v1/jobs/" + job + "/continue",
                "{\"epochs\": 2}", "application/json"), "/api/v1/jobs/" + job + "/continue");
        assertStorageQuotaProblem(send(teamA, HttpMethod.POST, "/api/v1/studies", STUDY, "application/json"),
                "/api/v1/studies");
        assertStorageQuotaProblem(upload(teamA, SMALL_CSV), "/api/v1/datasets");
        assertThat(send(teamA, HttpMethod.GET, "/api/v1/jobs", null, null).body().get("jobs").size())
                .as("nothing was queued").isEqualTo(1);
        assertThat(datasetsOf(teamA)).isZero();

        assertThat(submit(teamB).status()).as("another owner is unaffected").isEqualTo(202);

        assertThat(send(teamA, HttpMethod.DELETE, "/api/v1/jobs/" + job, null, null).status()).isEqualTo(204);
        assertThat(upload(teamA, SMALL_CSV).status()).isEqualTo(201);
        assertThat(submit(teamA).status()).isEqualTo(202);
    }
}
