package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash between the state change and the send loses nothing and sends nothing that did not happen: what was held
 * when the service stopped is read again by a fresh outbox and dispatcher, and delivered when the resource's store has
 * the change, dropped when it does not.
 */
class OutboxRecoveryTests {

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.on127001();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /**
     * The outbox's durable state at a crash while the final record is being saved: the entry is written, the record
     * may or may not be, nothing was released or sent.
     */
    private static InMemoryOutboxStore crashWhileSaving(Harness before) {
        InMemoryOutboxStore atTheCrash = new InMemoryOutboxStore();
        before.jobEnded("job-1", EventType.JOB_SUCCEEDED, () -> {
            assertThat(before.deliveries.deliverDue()).as("held until the record is saved").isZero();
            before.outboxStore.all().forEach(atTheCrash::put);
        });
        return atTheCrash;
    }

    @Test
    void anEventHeldWhenTheServiceStoppedIsDeliveredAfterTheRestartOnceItsChangeIsFound() {
        Harness before = new Harness(List.of("127.0.0.1"));
        before.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        InMemoryOutboxStore atTheCrash = crashWhileSaving(before);
        String eventId = atTheCrash.all().get(0).eventId();

        Outbox restarted = new LocalOutbox(atTheCrash);
        WebhookService webhooks = new WebhookService(before.webhookStore, restarted,
                () -> dev.regtrain.common.Caller.LOCAL, before.clock, true);
        Deliveries fresh = new Deliveries(restarted, webhooks, new HttpWebhookSender(java.time.Duration
                .ofSeconds(10)), HostResolver.system(), new AddressPolicy(List.of("127.0.0.1")), before.clock,
                () -> 0.5);
        assertThat(fresh.deliverDue()).as("nothing read at a start goes out before the reconciliation").isZero();

        restarted.reconcile(entry -> entry.resource().equals("job:job-1"));
        assertThat(fresh.deliverDue()).isEqualTo(1);

        assertThat(receiver.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(eventId));
        assertThat(atTheCrash.all()).isEmpty();
    }

    @Test
    void anEventWhoseChangeWasNotSavedIsDroppedAtTheRestart() {
        Harness before = new Harness(List.of("127.0.0.1"));
        before.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        InMemoryOutboxStore atTheCrash = crashWhileSaving(before);

        Outbox restarted = new LocalOutbox(atTheCrash);
        restarted.reconcile(entry -> false);

        assertThat(restarted.pending()).isEmpty();
        assertThat(atTheCrash.all()).isEmpty();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aRetryScheduledBeforeTheStopKeepsItsAttemptCountAndTime() {
        Harness before = new Harness(List.of("127.0.0.1"));
        Webhook webhook = before.subscribe(receiver.url("/hook"), EventType.JOB_SUCCEEDED);
        receiver.answer(500);
        before.jobEnded("job-1", EventType.JOB_SUCCEEDED);
        before.deliveries.deliverDue();
        DeliveryAttempt first = before.service.deliveries(webhook.id()).get(0);

        Outbox restarted = new LocalOutbox(before.outboxStore);
        restarted.reconcile(entry -> true);

        assertThat(restarted.pending()).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(first.nextAttemptAt());
        });
        assertThat(restarted.due(first.nextAttemptAt().minusMillis(1))).isEmpty();
        assertThat(restarted.due(first.nextAttemptAt())).hasSize(1);
    }
}
