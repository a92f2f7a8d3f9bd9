package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.webhooks.Receiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks over HTTP on the whole service (http and 127.0.0.1 allowed in the test configuration), delivering to a
 * real receiver: a job's end arrives signed, with the job as GET returns it.
 */
class WebhookEndpointsTests extends ServiceTest {

    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = Receiver.on127001();
    }

    @AfterEach
    void deleteWebhooksAndStopReceiver() {
        read(http.get().uri("/api/v1/webhooks").exchange().expectBody(String.class).returnResult()
                .getResponseBody()).get("webhooks").forEach(w -> http.delete().uri("/api/v1/webhooks/"
                + w.get("id").asString()).exchange().expectStatus().isNoContent());
        receiver.close();
    }

    private JsonNode create(String json) {
        return read(http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange().expectStatus().isCreated().expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void aWebhookIsCreatedWithItsSecretShownOnceListedReadAndDeleted() {
        JsonNode created = create("""
                {"url": "%s", "events": ["job.succeeded", "study.failed"], "secret": null, "description": "CI"}
                """.formatted(receiver.url("/hook")));
        String id = created.get("id").asString();

        assertThat(created.get("secret").asString()).startsWith("whsec_");
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("owner").asString()).isEqualTo("anonymous");
        assertThat(created.get("events")).extracting(JsonNode::asString).containsExactly("job.succeeded",
                "study.failed");
        JsonNode got = getJson("/api/v1/webhooks/" + id);
        assertThat(got.has("secret")).isFalse();
        assertThat(got.get("url").asString()).isEqualTo(receiver.url("/hook"));
        assertThat(got.get("links").get("deliveries").asString()).isEqualTo("/api/v1/webhooks/" + id
                + "/deliveries");
        assertThat(getJson("/api/v1/webhooks").get("webhooks")).anySatisfy(w -> {
            assertThat(w.get("id").asString()).isEqualTo(id);
            assertThat(w.has("secret")).isFalse();
        });

        http.delete().uri("/api/v1/webhooks/" + id).accept(MediaType.APPLICATION_PROBLEM_JSON).exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/v1/webhooks/" + id).accept(MediaType.APPLICATION_PROBLEM_JSON).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/webhooks/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anInvalidSubscriptionIsA400NamingEachField() {
        String body = http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).body("""
                {"url": "ftp://user:pw@example.com/x", "events": ["job.succeeded", "job.exploded"], "secret": "x"}
                """).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> fields = read(body).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactly("url", "events[1]", "secret");
        http.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\": \"https://example.com\", \"events\": [\"job.failed\"], \"sekret\": null}")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aJobsEndIsDeliveredSignedWithTheJobAsGetReturnsIt() throws Exception {
        JsonNode webhook = create("""
                {"url": "%s", "events": ["job.succeeded"]}""".formatted(receiver.url("/hook")));
        String secret = webhook.get("secret").asString();

        String jobId = submit(moonsJob(3, ""));
        awaitFinal(jobId);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().stream()
                .anyMatch(r -> read(new String(r.body(), StandardCharsets.UTF_8)).get("data").get("id")
                        .asString().equals(jobId)));

        Receiver.Request request = receiver.requests().stream().filter(r -> new String(r.body(),
                StandardCharsets.UTF_8).contains(jobId)).findFirst().orElseThrow();
        JsonNode event = read(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(event.get("type").asString()).isEqualTo("job.succeeded");
        assertThat(event.get("id").asString()).isEqualTo(request.header("webhook-id"));
        assertThat(event.get("data")).isEqualTo(job(jobId));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        byte[] signed = (request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                + new String(request.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(request.header("webhook-signature"))
                .isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed)));
        await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/api/v1/webhooks/"
                + webhook.get("id").asString() + "/deliveries").get("deliveries").size() > 0);
    }

    @Test
    void aStudysEndIsDeliveredWithTheStudyAsGetReturnsIt() {
        create("""
                {"url": "%s", "events": ["study.succeeded", "study.failed"]}""".formatted(receiver.url("/studies")));
        String created = http.post().uri("/api/v1/studies").contentType(MediaType.APPLICATION_JSON).body("""
                {"name": "moons-l2", "seed": 5,
                 "template": {"dataset": {"builtin": "moons", "samples": 60, "noise": 0.2},
                              "network": {"hidden": [{"units": 4}]},
                              "training": {"epochs": 4, "batchSize": 0, "optimizer": "adam", "learningRate": 0.05}},
                 "search": {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.1, 1]}}}}
                """).exchange().expectStatus().is2xxSuccessful().expectBody(String.class).returnResult()
                .getResponseBody();
        String studyId = read(created).get("id").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().stream()
                .anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains(studyId)));

        JsonNode event = read(new String(receiver.requests().stream().filter(r -> new String(r.body(),
                StandardCharsets.UTF_8).contains(studyId)).findFirst().orElseThrow().body(), StandardCharsets.UTF_8));
        assertThat(event.get("type").asString()).isEqualTo("study.succeeded");
        assertThat(event.get("data")).isEqualTo(getJson("/api/v1/studies/" + studyId));
    }

    @Test
    void aTestPingIsDeliveredAndShowsInTheDeliveries() {
        JsonNode webhook = create("""
                {"url": "%s", "events": ["study.succeeded"]}""".formatted(receiver.url("/ping")));
        String id = webhook.get("id").asString();

        JsonNode queued = read(http.post().uri("/api/v1/webhooks/" + id + "/test").exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());

        String eventId = queued.get("eventId").asString();
        assertThat(queued.get("type").asString()).isEqualTo("webhook.test");
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/v1/webhooks/" + id + "/deliveries")
                .get("deliveries").size() == 1);
        JsonNode attempt = getJson("/api/v1/webhooks/" + id + "/deliveries").get("deliveries").get(0);
        assertThat(attempt.get("eventId").asString()).isEqualTo(eventId);
        assertThat(attempt.get("type").asString()).isEqualTo("webhook.test");
        assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
        assertThat(attempt.get("responseStatus").asInt()).isEqualTo(204);
        assertThat(attempt.get("error").isNull()).isTrue();
        assertThat(attempt.get("nextAttemptAt").isNull()).isTrue();
        assertThat(attempt.has("durationMillis")).isTrue();
        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.header("webhook-id"))
                .isEqualTo(eventId));
    }

    @Test
    void unknownWebhooksAre404Everywhere() {
        for (String path : List.of("/api/v1/webhooks/nope", "/api/v1/webhooks/nope/deliveries")) {
            http.get().uri(path).exchange().expectStatus().isNotFound();
        }
        http.delete().uri("/api/v1/webhooks/nope").exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/webhooks/00000000-0000-0000-0000-000000000000/test").exchange()
                .expectStatus().isNotFound();
    }
}
