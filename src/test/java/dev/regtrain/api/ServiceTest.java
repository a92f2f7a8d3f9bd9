package dev.regtrain.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random port, with its data in a temporary directory. Subclasses share one application
 * context (and data directory), so the suite starts the service once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestPropertySource(properties = {"regtrain.workers=2", "regtrain.webhooks.allow-http=true",
        "regtrain.webhooks.allowed-hosts=127.0.0.1"})
abstract class ServiceTest {

    static final Path DATA_DIR = TemporaryDirectories.create("regtrain-test-");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /** Plain SGD with a learning rate of a million: the job fails with DIVERGED within its 50 epochs. */
    static final String DIVERGING_JOB = """
            {"seed": 1, "dataset": {"builtin": "sine", "samples": 200},
             "network": {"hidden": [{"units": 32, "activation": "relu"}]},
             "training": {"epochs": 50, "optimizer": "sgd", "learningRate": 1000000}}
            """;

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("regtrain.data-dir", DATA_DIR::toString);
    }


    /** Submits a job (JSON text) and returns its id; the response must be 202 with a Location. */
    String submit(String json) {
        String body = http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).body(json).exchange()
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody();
        return read(body).get("id").asString();
    }

    JsonNode job(String id) {
        return getJson("/api/v1/jobs/" + id);
    }

    JsonNode getJson(String path) {
        return read(getText(path));
    }

    /** The body of a GET that must be a 200, as text. */
    String getText(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    /** Uploads a CSV dataset ({@code query} such as "?name=x"); the answer must be 201 with a Location. */
    JsonNode upload(String query, String csv) {
        return read(http.post().uri("/api/v1/datasets" + query).contentType(CSV).body(csv).exchange()
                .expectStatus().isCreated().expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** Waits for the job to reach a final state and returns it. */
    JsonNode awaitFinal(String id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> FINAL.contains(job(id).get("status").asString()));
        return job(id);
    }

    JsonNode awaitStatus(String id, String status, int minimumEpoch) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode job = job(id);
            return job.get("status").asString().equals(status) && job.get("progress").get("epoch").asInt() >= minimumEpoch;
        });
        return job(id);
    }

    static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    /** A small, quick moons job; {@code extra} is spliced into the top-level object. */
    static String moonsJob(int epochs, String extra) {
        String name = extra.contains("\"name\"") ? "" : "\"name\": \"moons\", "; // a field is given once
        return ("""
                {%s"seed": 42, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.2},
                 "network": {"hidden": [{"units": 16, "activation": "relu"}]},
                 "training": {"epochs": %d, "batchSize": 32, "optimizer": "adam", "learningRate": 0.01}%s}
                """).formatted(name, epochs, extra.isEmpty() ? "" : ", " + extra);
    }
}
