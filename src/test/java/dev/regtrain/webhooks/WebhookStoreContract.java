package dev.regtrain.webhooks;

import static dev.regtrain.webhooks.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookStore} adapter must do; each adapter's test class extends this one. */
public abstract class WebhookStoreContract {

    protected WebhookStore store;

    protected abstract WebhookStore newStore();

    /** A new adapter on the same storage, as after a restart. */
    protected abstract WebhookStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    @Test
    void aSavedWebhookIsFoundListedAndKeptAcrossARestart() {
        Webhook first = Fixtures.webhook("https://a.example/hook", new Owner("team-a"), EventType.JOB_SUCCEEDED);
        Webhook second = Fixtures.webhook("https://b.example/hook", Owner.ANONYMOUS, EventType.JOB_FAILED,
                EventType.STUDY_CANCELLED);
        store.save(first);
        store.save(second);

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.list()).containsExactlyInAnyOrder(first, second);
        WebhookStore restarted = reopen();
        assertThat(restarted.find(second.id())).contains(second);
        assertThat(restarted.list()).hasSize(2);
    }

    @Test
    void aChangeReplacesTheWebhookAndADeleteRemovesItWithItsAttempts() {
        Webhook webhook = Fixtures.webhook("https://a.example/hook", Owner.ANONYMOUS, EventType.JOB_SUCCEEDED);
        store.save(webhook);
        store.recordAttempt(attempt(webhook.id(), 1));
        Webhook disabled = webhook.failed().disabled("the receiver answered 410 Gone");
        store.save(disabled);

        assertThat(reopen().find(webhook.id())).contains(disabled);

        store.delete(webhook.id());
        assertThat(store.find(webhook.id())).isEmpty();
        assertThat(store.attempts(webhook.id())).isEmpty();
        assertThat(reopen().find(webhook.id())).isEmpty();
    }

    @Test
    void anUpdateChangesTheStoredWebhookAndChangesNothingOnceItIsDeleted() {
        Webhook webhook = Fixtures.webhook("https://a.example/hook", Owner.ANONYMOUS, EventType.JOB_SUCCEEDED);
        store.save(webhook);

        assertThat(store.update(webhook.id(), Webhook::failed)).hasValueSatisfying(w ->
                assertThat(w.consecutiveFailures()).isEqualTo(1));
        assertThat(reopen().find(webhook.id())).contains(webhook.failed());

        store.delete(webhook.id());
        assertThat(store.update(webhook.id(), Webhook::failed)).isEmpty();
        assertThat(reopen().find(webhook.id())).isEmpty();
    }

    @Test
    void attemptsComeNewestFirstAndOnlyTheLatestAreKept() {
        Webhook webhook = Fixtures.webhook("https://a.example/hook", Owner.ANONYMOUS, EventType.JOB_SUCCEEDED);
        store.save(webhook);
        for (int i = 1; i <= WebhookStore.KEPT_ATTEMPTS + 5; i++) {
            store.recordAttempt(attempt(webhook.id(), i));
        }

        assertThat(store.attempts(webhook.id())).hasSize(WebhookStore.KEPT_ATTEMPTS);
        assertThat(store.attempts(webhook.id()).get(0).attempt()).isEqualTo(WebhookStore.KEPT_ATTEMPTS + 5);
        assertThat(reopen().attempts(webhook.id())).isEqualTo(store.attempts(webhook.id()));
        assertThat(reopen().attempts(webhook.id()).get(WebhookStore.KEPT_ATTEMPTS - 1).attempt()).isEqualTo(6);
    }

    private static DeliveryAttempt attempt(String webhookId, int n) {
        return new DeliveryAttempt(webhookId, Fixtures.eventId(n), EventType.JOB_SUCCEEDED, n, T0.plusSeconds(n),
                n % 2 == 0 ? 200 : 500, 12, n % 2 == 0 ? null : "the receiver answered 500",
                n % 2 == 0 ? null : T0.plusSeconds(n + 5));
    }
}
