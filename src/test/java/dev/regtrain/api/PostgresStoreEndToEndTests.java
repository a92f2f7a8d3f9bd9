package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.storage.postgres.TestPostgres;
import dev.regtrain.webhooks.Receiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on {@code regtrain.store=postgres}: jobs, datasets, checkpoints, webhooks with their outbox and
 * deliveries log, and health in PostgreSQL.
 */
class PostgresStoreEndToEndTests extends ServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestPostgres.newDatabase();
        registry.add("regtrain.store", () -> "postgres");
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void aJobOnAnUploadedDatasetTrainsWithOneMetricsRowPerEpochAndItsCheckpointsInTheDatabase() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        String dataset = upload("?name=grid", csv.toString()).get("id").asString();
        String id = submit("""
                {"seed": 3, "dataset": {"id": "%s"}, "network": {"hidden": [{"units": 4}]},
                 "training": {"epochs": 6}, "checkpoints": {"everyEpochs": 2, "keepLast": 2}}
                """.formatted(dataset));

        JsonNode done = awaitFinal(id);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(getJson("/api/v1/jobs/" + id + "/metrics").get("epochs")).hasSize(6);
        List<Integer> epochs = new ArrayList<>();
        getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints")
                .forEach(c -> epochs.add(c.get("epoch").asInt()));
        assertThat(epochs).isNotEmpty().allSatisfy(e -> assertThat(e).isBetween(1, 6));
        http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"inputs\": [[1, 2]]}").exchange().expectStatus().isOk();
    }

    @Test
    void listsPageInTheDatabaseNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(moonsJob(1, "")));
        }
        ids.forEach(this::awaitFinal);

        JsonNode first = getJson("/api/v1/jobs?limit=2");
        JsonNode second = getJson("/api/v1/jobs?limit=2&cursor=" + first.get("next").asString());

        List<String> listed = new ArrayList<>();
        first.get("jobs").forEach(j -> listed.add(j.get("id").asString()));
        second.get("jobs").forEach(j -> listed.add(j.get("id").asString()));
        assertThat(listed).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void healthHasTheStoreComponent() {
        JsonNode store = getJson("/actuator/health").get("components").get("store");

        assertThat(store.get("status").asString()).isEqualTo("UP");
        assertThat(store.get("details").get("type").asString()).isEqualTo("postgres");
    }

    @Test
    void anIdempotencyKeyIsReplayedFromTheDatabase() {
        String body = moonsJob(1, "");
        String first = http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "pg-key-1").body(body).exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        String again = http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "pg-key-1").body(body).exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(read(again).get("id").asString()).isEqualTo(read(first).get("id").asString());
    }

    @Test
    void aWebhookKeptInTheDatabaseHearsAJobsEndThroughTheOutboxInTheDatabase() throws Exception {
        try (Receiver receiver = Receiver.on127001()) {
            String webhook = read(http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"url\": \"" + receiver.url("/hook") + "\", \"events\": [\"job.succeeded\"]}")
                    .exchange().expectStatus().isCreated().expectBody(String.class).returnResult()
                    .getResponseBody()).get("id").asString();
            String id = submit(moonsJob(1, ""));
            awaitFinal(id);

            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requests().isEmpty());
            JsonNode event = read(new String(receiver.requests().get(0).body(), StandardCharsets.UTF_8));
            assertThat(event.get("type").asString()).isEqualTo("job.succeeded");
            assertThat(event.get("data").get("id").asString()).isEqualTo(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/api/v1/webhooks/" + webhook
                    + "/deliveries").get("deliveries").size() == 1);
            assertThat(getJson("/api/v1/webhooks/" + webhook + "/deliveries").get("deliveries").get(0)
                    .get("eventId").asString()).isEqualTo(event.get("id").asString());
            http.delete().uri("/api/v1/webhooks/" + webhook).exchange().expectStatus().isNoContent();
        }
    }
}
