package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries to a real receiver on 127.0.0.1 (allow-listed), with the clock driven by the test. */
class DeliveriesTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private Harness harness;
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(List.of("127.0.0.1"));
        receiver = Receiver.on127001();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void deliversASignedEventThatTheReceiverVerifiesWithItsOwnHmac() throws Exception {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        assertThat(harness.deliveries.deliverDue()).isEqualTo(1);

        Receiver.Request request = receiver.requests().get(0);
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("id").asString()).startsWith("evt_").isEqualTo(request.header("webhook-id"));
        assertThat(body.get("type").asString()).isEqualTo("job.succeeded");
        assertThat(body.get("createdAt").asString()).isEqualTo(Fixtures.T0.toString());
        assertThat(body.get("data").get("id").asString()).isEqualTo("job-1");
        assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(Fixtures.T0.getEpochSecond()));
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmac(request));
        assertThat(harness.service.deliveries(webhook.id())).singleElement().satisfies(a -> {
            assertThat(a.responseStatus()).isEqualTo(204);
            assertThat(a.error()).isNull();
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.nextAttemptAt()).isNull();
        });
        assertThat(harness.outbox.pending()).isEmpty();
    }

    /** The receiver's check, written from the specification: HMAC-SHA256 over "id.timestamp.body", base64. */
    private static String hmac(Receiver.Request request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(Fixtures.SECRET.substring("whsec_".length())),
                "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                + new String(request.body(), StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void retriesAFailingReceiverWithExponentialBackoffAndEqualJitterThenGivesUp() throws Exception {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_FAILED);
        receiver.answer(500, 500, 503, 500, 500, 500, 500);
        harness.jitters.addAll(List.of(0.0, 0.999_999, 0.0, 0.5, 0.999_999, 0.0));
        harness.jobEnded("job-1", EventType.JOB_FAILED);
        // each wait is half its step plus the jitter's share of the other half
        List<Duration> expected = List.of(Duration.ofMillis(2500), Duration.ofMillis(29_999),
                Duration.ofMinutes(1), Duration.ofMinutes(7).plusSeconds(30), Duration.ofMillis(3_599_998),
                Duration.ofHours(3));

        assertThat(harness.deliveries.deliverDue()).isEqualTo(1);
        for (int attempt = 1; attempt <= 6; attempt++) {
            DeliveryAttempt last = harness.service.deliveries(webhook.id()).get(0);
            assertThat(last.attempt()).isEqualTo(attempt);
            Duration wait = Duration.between(last.at(), last.nextAttemptAt());
            assertThat(wait).as("wait after attempt %d", attempt).isEqualTo(expected.get(attempt - 1));
            assertThat(wait).isBetween(Deliveries.BACKOFF.get(attempt - 1).dividedBy(2),
                    Deliveries.BACKOFF.get(attempt - 1));

            harness.clock.set(last.nextAttemptAt().minusMillis(1));
            assertThat(harness.deliveries.deliverDue()).as("not before its time").isZero();
            harness.clock.set(last.nextAttemptAt());
            assertThat(harness.deliveries.deliverDue()).isEqualTo(1);
        }

        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(7);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0)
                .header("webhook-id"));
        assertThat(requests).extracting(r -> r.header("webhook-timestamp")).doesNotHaveDuplicates();
        DeliveryAttempt last = harness.service.deliveries(webhook.id()).get(0);
        assertThat(last.attempt()).isEqualTo(7);
        assertThat(last.error()).contains("500").contains("given up after 7 attempts");
        assertThat(last.nextAttemptAt()).isNull();
        assertThat(harness.outbox.pending()).isEmpty();
        assertThat(harness.webhook(webhook.id()).status()).isEqualTo(WebhookStatus.ACTIVE);
        assertThat(harness.webhook(webhook.id()).consecutiveFailures()).isEqualTo(7);
    }

    @Test
    void aDeliveredAttemptResetsTheFailuresInARow() {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_FAILED);
        receiver.answer(500, 200);
        harness.jobEnded("job-1", EventType.JOB_FAILED);
        harness.deliveries.deliverDue();
        assertThat(harness.webhook(webhook.id()).consecutiveFailures()).isEqualTo(1);

        harness.clock.advance(Duration.ofSeconds(5));
        harness.deliveries.deliverDue();

        assertThat(harness.webhook(webhook.id()).consecutiveFailures()).isZero();
        assertThat(harness.service.deliveries(webhook.id())).extracting(DeliveryAttempt::responseStatus)
                .containsExactly(200, 500);
    }

    @Test
    void aGoneReceiverDisablesTheWebhookAndItReceivesNothingMore() {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(410);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-2", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        Webhook after = harness.webhook(webhook.id());
        assertThat(after.status()).isEqualTo(WebhookStatus.DISABLED);
        assertThat(after.disabledReason()).contains("410");
        assertThat(harness.outbox.pending()).isEmpty();
        harness.jobEnded("job-3", EventType.JOB_SUCCEEDED);
        harness.clock.advance(Duration.ofDays(1));
        harness.deliveries.deliverDue();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void fiftyFailedAttemptsInARowDisableTheWebhook() {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_FAILED);
        for (int i = 0; i < 60; i++) {
            receiver.answer(500);
            harness.jobEnded("job-" + i, EventType.JOB_FAILED);
        }

        harness.deliveries.deliverDue();

        Webhook after = harness.webhook(webhook.id());
        assertThat(after.status()).isEqualTo(WebhookStatus.DISABLED);
        assertThat(after.disabledReason()).contains("50 delivery attempts failed in a row");
        assertThat(receiver.requests()).hasSize(50);
        assertThat(harness.outbox.pending()).isEmpty();
    }

    @Test
    void redirectsAreAnswersAndAreNotFollowed() {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(new Receiver.Redirect(307, receiver.url("/elsewhere")));
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        assertThat(receiver.requests()).extracting(Receiver.Request::path).containsExactly("/hook");
        DeliveryAttempt attempt = harness.service.deliveries(webhook.id()).get(0);
        assertThat(attempt.responseStatus()).isEqualTo(307);
        assertThat(attempt.error()).contains("307");
        assertThat(attempt.nextAttemptAt()).isNotNull();
    }

    @Test
    void aRefusedConnectionIsRetried() {
        String closed = receiver.url("/hook");
        receiver.close();
        Webhook webhook = harness.subscribe(closed, EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        DeliveryAttempt attempt = harness.service.deliveries(webhook.id()).get(0);
        assertThat(attempt.responseStatus()).isNull();
        assertThat(attempt.error()).contains("refused");
        assertThat(attempt.nextAttemptAt()).isEqualTo(attempt.at().plus(Duration.ofMillis(3750)));
        assertThat(harness.outbox.pending()).hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetried() throws Exception {
        harness = new Harness(List.of("127.0.0.1"), new InMemoryOutboxStore(), HostResolver.system(),
                Duration.ofMillis(300));
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(new Receiver.Hang());
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        DeliveryAttempt attempt = harness.service.deliveries(webhook.id()).get(0);
        assertThat(attempt.responseStatus()).isNull();
        assertThat(attempt.error()).contains("timeout");
        assertThat(attempt.nextAttemptAt()).isNotNull();
    }

    /** The timeout bounds the whole attempt: an answer dripped a byte at a time within each read's timeout is cut. */
    @Test
    void aReceiverThatDripsItsAnswerIsCutWhenTheAttemptsTimeIsUp() throws Exception {
        harness = new Harness(List.of("127.0.0.1"), new InMemoryOutboxStore(), HostResolver.system(),
                Duration.ofMillis(400));
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(new Receiver.Drip(Duration.ofMillis(50)));
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        CompletableFuture<Void> delivering = CompletableFuture.runAsync(harness.deliveries::deliverDue);
        await().atMost(Duration.ofSeconds(20)).until(delivering::isDone);

        DeliveryAttempt attempt = harness.service.deliveries(webhook.id()).get(0);
        assertThat(attempt.responseStatus()).as("the 200 came, the answer never ended").isNull();
        assertThat(attempt.error()).contains("timeout of 400 ms");
        assertThat(attempt.nextAttemptAt()).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(receiver::dripCut);
    }

    @Test
    void aLargeAnswerIsNotReadBeyondASmallLimit() {
        Webhook webhook = harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(new Receiver.Huge(256 * 1024 * 1024));
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        assertThat(harness.service.deliveries(webhook.id()).get(0).responseStatus()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(receiver::hugeBodyCut);
    }

    @Test
    void oneResourcesEventsReachAWebhookInOrderEvenWhenTheFirstIsRetried() throws Exception {
        harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED, EventType.JOB_FAILED);
        receiver.answer(500);
        harness.jobEnded("job-1", EventType.JOB_FAILED);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);
        harness.jobEnded("job-2", EventType.JOB_SUCCEEDED);

        assertThat(harness.deliveries.deliverDue()).as("job-1's first event and job-2's").isEqualTo(2);
        harness.clock.advance(Duration.ofSeconds(5));
        harness.deliveries.deliverDue();
        harness.deliveries.deliverDue();

        assertThat(receiver.requests()).extracting(r -> json.readTree(r.body()).get("type").asString() + " "
                + json.readTree(r.body()).get("data").get("id").asString())
                .containsExactly("job.failed job-1", "job.succeeded job-2", "job.failed job-1",
                        "job.succeeded job-1");
    }

    @Test
    void onlyTheOwnersWebhooksForTheTypeReceiveAnEvent() {
        harness.subscribe(receiver.url("/succeeded"), EventType.JOB_SUCCEEDED);
        harness.subscribe(receiver.url("/failed"), EventType.JOB_FAILED);
        Webhook other = Fixtures.webhook(receiver.url("/other-owner"), new dev.regtrain.common.Owner("team-b"),
                EventType.JOB_SUCCEEDED);
        harness.webhookStore.save(other);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);

        harness.deliveries.deliverDue();

        assertThat(receiver.requests()).extracting(Receiver.Request::path).containsExactly("/succeeded");
    }

    @Test
    void anInstantIsSignedForEachAttempt() {
        harness.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(500);
        harness.jobEnded("job-1", EventType.JOB_SUCCEEDED);
        harness.deliveries.deliverDue();
        Instant retry = harness.clock.instant().plusSeconds(5);
        harness.clock.set(retry);
        harness.deliveries.deliverDue();

        assertThat(receiver.requests().get(1).header("webhook-timestamp"))
                .isEqualTo(Long.toString(retry.getEpochSecond()));
        assertThat(receiver.requests().get(1).header("webhook-signature")).isNotEqualTo(
                receiver.requests().get(0).header("webhook-signature"));
    }
}
