package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service on a PostgreSQL of its own that is stopped and started again while a job trains: requests that need the
 * database are 503 problems with Retry-After meanwhile (never a 500), the job pauses and then continues, and nothing
 * is lost or written twice.
 */
class DatabaseOutageTests extends ServiceTest {

    private static final int PORT = freePort();
    private static final Path PG_DATA = pgData();
    private static EmbeddedPostgres server = startServer();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path pgData() {
        try {
            return Files.createTempDirectory("regtrain-outage-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres startServer() {
        try {
            return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(PG_DATA).setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("regtrain.store", () -> "postgres");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres?user=postgres");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("regtrain.cluster.lease-timeout", () -> "120s");
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        try (var files = Files.walk(PG_DATA)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503AndTrainingPausesThenContinuesWithNothingLost() throws IOException {
        String id = submit("""
                {"seed": 5, "dataset": {"builtin": "spirals", "samples": 2000, "classes": 3},
                 "network": {"hidden": [{"units": 64, "activation": "relu"}, {"units": 64, "activation": "tanh"}]},
                 "training": {"epochs": 40, "batchSize": 32}, "checkpoints": {"everyEpochs": 5, "keepLast": 2}}
                """);
        awaitStatus(id, "RUNNING", 2);

        server.close();
        http.get().uri("/api/v1/jobs").exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).contains("database"));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(body -> assertThat(body).contains("\"store\"").contains("DOWN"));
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        server = startServer();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        List<Integer> epochs = new ArrayList<>();
        getJson("/api/v1/jobs/" + id + "/metrics").get("epochs").forEach(r -> epochs.add(r.get("epoch").asInt()));
        assertThat(epochs).isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(getJson("/api/v1/jobs?limit=5").get("jobs")).extracting(j -> j.get("id").asString()).contains(id);
    }
}
