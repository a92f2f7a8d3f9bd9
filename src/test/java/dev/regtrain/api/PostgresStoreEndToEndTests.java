package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.storage.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The whole service on {@code regtrain.store=postgres}: jobs, datasets, checkpoints, keys and health in PostgreSQL. */
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
}
