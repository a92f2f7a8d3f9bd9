package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import dev.regtrain.webhooks.EventType;
import dev.regtrain.webhooks.Fixtures;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookStatus;
import dev.regtrain.webhooks.WebhookStore;
import dev.regtrain.webhooks.WebhookStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter of the webhook store: the contract, and changes of two instances at once both count. */
class PostgresWebhookStoreTests extends WebhookStoreContract {

    private Database db;

    @Override
    protected WebhookStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected WebhookStore reopen() {
        return new PostgresWebhookStore(db);
    }

    private static Webhook oneMoreFailure(Webhook w) {
        return new Webhook(w.id(), w.owner(), w.url(), w.events(), w.secret(), w.description(), w.createdAt(),
                w.status(), w.disabledReason(), w.consecutiveFailures() + 1);
    }

    @Test
    void failuresCountedByTwoInstancesAtOnceAreAllCounted() {
        Webhook webhook = Fixtures.webhook("https://a.example/hook", Owner.ANONYMOUS, EventType.JOB_SUCCEEDED);
        store.save(webhook);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (WebhookStore instance : List.of(reopen(), reopen())) {
            instances.add(CompletableFuture.runAsync(() -> IntStream.range(0, 25)
                    .forEach(i -> instance.update(webhook.id(), PostgresWebhookStoreTests::oneMoreFailure))));
        }
        instances.forEach(CompletableFuture::join);

        assertThat(store.find(webhook.id()).orElseThrow().consecutiveFailures()).isEqualTo(50);
        assertThat(store.find(webhook.id()).orElseThrow().status()).isEqualTo(WebhookStatus.ACTIVE);
    }

    @Test
    void anAttemptRecordedAfterTheWebhookWasDeletedIsDropped() {
        Webhook webhook = Fixtures.webhook("https://a.example/hook", Owner.ANONYMOUS, EventType.JOB_SUCCEEDED);
        store.save(webhook);
        reopen().delete(webhook.id());

        store.recordAttempt(new dev.regtrain.webhooks.DeliveryAttempt(webhook.id(), Fixtures.eventId(1),
                EventType.JOB_SUCCEEDED, 1, Fixtures.T0, 200, 5, null, null));

        assertThat(store.attempts(webhook.id())).isEmpty();
        assertThat(db.jdbc.queryForObject("select count(*) from webhook_attempts", Long.class)).isZero();
    }
}
