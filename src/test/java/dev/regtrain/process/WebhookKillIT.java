package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.webhooks.Receiver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The outbox survives SIGKILL: a job's end whose delivery failed (the receiver was down) and waited for its retry
 * when the service was killed is delivered, with the same event id, by the service started again on the same data.
 */
@Tag("slow")
class WebhookKillIT {

    private static final String[] LOCAL_RECEIVERS = {"--regtrain.webhooks.allow-http=true",
            "--regtrain.webhooks.allowed-hosts=127.0.0.1"};

    @TempDir
    Path dataDir;

    private static JsonNode deliveries(ServiceProcess service, String webhookId) throws Exception {
        return service.get("/api/v1/webhooks/" + webhookId + "/deliveries").get("deliveries");
    }

    @Test
    void anEventWaitingForItsRetryWhenTheServiceIsKilledIsDeliveredAfterTheRestart() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        int port;
        try (Receiver probe = Receiver.on127001()) {
            port = probe.port(); // a port with nothing listening on it until the receiver comes back
        }
        String webhookId;
        String jobId;
        String eventId;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, LOCAL_RECEIVERS)) {
            HttpResponse<String> created = first.post("/api/v1/webhooks", """
                    {"url": "http://127.0.0.1:%d/hook", "events": ["job.succeeded"]}""".formatted(port), null);
            assertThat(created.statusCode()).isEqualTo(201);
            webhookId = ServiceProcess.JSON.readTree(created.body()).get("id").asString();
            jobId = first.submit(Runs.JOB.replace("\"epochs\": 60", "\"epochs\": 2"));
            first.awaitFinal(jobId);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(first, webhookId).size() == 1);
            JsonNode failed = deliveries(first, webhookId).get(0);
            assertThat(failed.get("error").asString()).isEqualTo("the connection was refused");
            assertThat(failed.get("nextAttemptAt").isNull()).isFalse();
            eventId = failed.get("eventId").asString();
            first.kill();
        }

        try (Receiver receiver = new Receiver("127.0.0.1", port);
             ServiceProcess second = ServiceProcess.start(dataDir, log, LOCAL_RECEIVERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.requests().isEmpty());
            Receiver.Request delivered = receiver.requests().get(0);
            JsonNode event = ServiceProcess.JSON.readTree(new String(delivered.body(), StandardCharsets.UTF_8));
            assertThat(delivered.header("webhook-id")).isEqualTo(eventId);
            assertThat(event.get("type").asString()).isEqualTo("job.succeeded");
            assertThat(event.get("data").get("id").asString()).isEqualTo(jobId);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(second, webhookId).get(0)
                    .get("responseStatus").asInt() == 204);
            assertThat(deliveries(second, webhookId).get(0).get("attempt").asInt()).isEqualTo(2);
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
