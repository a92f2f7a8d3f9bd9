package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.fixtures.FixtureJdk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data directory written by an older version (commit f113c15, see src/test/resources/fixtures/README.md) still
 * loads: the job, its metrics, its checkpoints, its model and its dataset are served, and the model predicts exactly
 * the numbers that version predicted (Tribuo's habit). A format change that breaks this needs a version and a
 * migration, not a new fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class StoredFormatsTests {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/f113c15");
    static final String JOB = "31c85697-8566-43ae-8c51-2be389dda7d9";
    static final String DATASET = "5b94f631-2996-423e-be1a-b75423238f56";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        Path data = copyOfFixture();
        registry.add("regtrain.data-dir", data::toString);
    }

    private static Path copyOfFixture() {
        try {
            Path data = Files.createTempDirectory("regtrain-old-formats-");
            copyTree(FIXTURE.resolve("job"), data.resolve("jobs").resolve(JOB));
            copyTree(FIXTURE.resolve("dataset"), data.resolve("datasets").resolve(DATASET));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        return JSON.readTree(Files.readString(FIXTURE.resolve(name)));
    }

    private JsonNode get(String path) {
        return JSON.readTree(http.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private JsonNode predict(String body) {
        return JSON.readTree(http.post().uri("/api/v1/jobs/" + JOB + "/predictions")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void anOldJobIsServedWithItsRecordAndMetrics() throws IOException {
        JsonNode job = get("/api/v1/jobs/" + JOB);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("best").get("epoch").asInt()).isEqualTo(28);
        assertThat(job.get("request").get("seed").asLong()).isEqualTo(11);
        assertThat(job.get("objective").asString())
                .isEqualTo("J = (1/m)·Σℓ + (0.1/(2m))·Σ‖W‖²_F, biases not penalised, m = 120");
        JsonNode metrics = get("/api/v1/jobs/" + JOB + "/metrics");
        assertThat(metrics.get("epochs")).isEqualTo(fixture("metrics.json").get("epochs"));
        assertThat(metrics.get("warnings")).as("files without checksums are read, not reported").isEmpty();
    }

    /** The same labels, and the same probabilities bit for bit on the JDK that wrote them (see FixtureJdk). */
    private static void assertSamePredictions(JsonNode now, JsonNode then) {
        if (FixtureJdk.sameRelease()) {
            assertThat(now).isEqualTo(then);
            return;
        }
        assertThat(now.size()).isEqualTo(then.size());
        for (int row = 0; row < now.size(); row++) {
            assertThat(now.get(row).get("label")).as("label of row " + row).isEqualTo(then.get(row).get("label"));
            JsonNode p = now.get(row).get("probabilities");
            assertThat(p.size()).isEqualTo(then.get(row).get("probabilities").size());
            for (int k = 0; k < p.size(); k++) {
                FixtureJdk.assertSameNumber("row " + row + " class " + k, p.get(k).asDouble(),
                        then.get(row).get("probabilities").get(k).asDouble());
            }
        }
    }

    @Test
    void anOldModelAndCheckpointPredictExactlyWhatTheyPredictedThen() throws IOException {
        JsonNode model = get("/api/v1/jobs/" + JOB + "/model");
        JsonNode then = fixture("model.json");
        for (String field : new String[] {"format", "jobId", "epoch", "task", "inputs", "classes", "standardization",
                "layers"}) {
            assertThat(model.get(field)).as(field).isEqualTo(then.get(field));
        }
        assertThat(model.get("precision").asString()).isEqualTo("float64");
        String request = Files.readString(FIXTURE.resolve("prediction-request.json"));
        JsonNode predictions = predict(request);
        assertSamePredictions(predictions.get("predictions"), fixture("predictions.json").get("predictions"));
        assertThat(predictions.get("precision").asString()).isEqualTo("float64");
        String fromCheckpoint = request.replace("]]}", "]], \"checkpoint\": \"20\"}");
        assertSamePredictions(predict(fromCheckpoint).get("predictions"),
                fixture("predictions-checkpoint-20.json").get("predictions"));
        assertThat(get("/api/v1/jobs/" + JOB + "/checkpoints/20").get("layers"))
                .isEqualTo(fixture("checkpoint-20-model.json").get("layers"));
    }

    @Test
    void anOldDatasetIsListedAndTrainsAJob() throws IOException {
        JsonNode dataset = get("/api/v1/datasets/" + DATASET);
        JsonNode then = fixture("dataset-record.json");
        for (String field : new String[] {"id", "name", "rows", "features", "task", "classes"}) {
            assertThat(dataset.get(field)).as(field).isEqualTo(then.get(field));
        }
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"seed\": 1, \"dataset\": {\"id\": \"" + DATASET + "\"}, \"training\": {\"epochs\": 2}}")
                .exchange().expectStatus().isAccepted();
    }
}
