package dev.regtrain.webhooks;

import static dev.regtrain.webhooks.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.StorageException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} does, one instance's ({@link LocalOutbox}) and the one instances share
 * ({@link SharedOutbox} on PostgreSQL): entries written with their change or not at all, one resource's entries to one
 * webhook attempted one at a time in the order they were written.
 */
public abstract class OutboxContract {

    protected Outbox outbox;
    private final String webhook = UUID.randomUUID().toString();
    private final String otherWebhook = UUID.randomUUID().toString();
    private int events;

    /** An empty outbox. */
    protected abstract Outbox newOutbox();

    @BeforeEach
    void emptyOutbox() {
        outbox = newOutbox();
    }

    /** Adds one new event of {@code resource} for {@code webhookId}, with a change that is saved. */
    private OutboxEntry add(String resource, String webhookId) {
        OutboxEntry entry = Fixtures.entry(0, Fixtures.eventId(++events), resource, webhookId);
        return outbox.add(List.of(entry), () -> { }).get(0);
    }

    private List<String> dueEvents(java.time.Instant now) {
        return outbox.due(now).stream().map(OutboxEntry::eventId).toList();
    }

    @Test
    void entriesAreNumberedInTheOrderTheyAreWritten() {
        OutboxEntry first = add("job:a", webhook);
        OutboxEntry second = add("job:b", webhook);
        OutboxEntry third = add("job:a", otherWebhook);

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(third.sequence()).isGreaterThan(second.sequence());
        assertThat(outbox.pending()).containsExactly(first, second, third);
    }

    @Test
    void onlyTheOldestEntryOfAWebhookAndResourceIsDueAndTheNextOnceItIsGone() {
        OutboxEntry a1 = add("job:a", webhook);
        OutboxEntry a2 = add("job:a", webhook);
        OutboxEntry b1 = add("job:b", webhook);
        OutboxEntry other = add("job:a", otherWebhook);

        assertThat(dueEvents(T0)).containsExactly(a1.eventId(), b1.eventId(), other.eventId());

        assertThat(outbox.claim(a1)).isTrue();
        outbox.remove(a1);

        assertThat(dueEvents(T0)).containsExactly(a2.eventId(), b1.eventId(), other.eventId());
    }

    @Test
    void aRescheduledEntryIsDueAtItsTimeAndHoldsBackTheNextOfItsResource() {
        OutboxEntry first = add("job:a", webhook);
        add("job:a", webhook);
        assertThat(outbox.claim(first)).isTrue();
        OutboxEntry retried = first.retryAt(T0.plusSeconds(30));
        outbox.reschedule(retried);

        assertThat(outbox.due(T0.plusSeconds(29))).isEmpty();
        assertThat(outbox.nextDue()).as("not the waiting entry's time, which has passed").contains(T0.plusSeconds(30));
        assertThat(outbox.due(T0.plusSeconds(30))).containsExactly(retried);
        assertThat(outbox.claim(first)).as("changed since it was read").isFalse();
        assertThat(outbox.claim(retried)).isTrue();
    }

    @Test
    void aChangeThatIsNotSavedLeavesNothingToDeliver() {
        OutboxEntry entry = Fixtures.entry(0, Fixtures.eventId(1), "job:a", webhook);

        assertThatThrownBy(() -> outbox.add(List.of(entry), () -> {
            throw new StorageException("the store is away", null);
        })).isInstanceOf(StorageException.class);

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.due(T0)).isEmpty();
        assertThat(outbox.nextDue()).isEmpty();
    }

    @Test
    void whileItsChangeIsBeingSavedAnEntryIsNotDueElsewhere() {
        OutboxEntry entry = Fixtures.entry(0, Fixtures.eventId(1), "job:a", webhook);
        List<List<OutboxEntry>> seenMeanwhile = new java.util.ArrayList<>();

        outbox.add(List.of(entry), () -> seenMeanwhile.add(CompletableFuture.supplyAsync(() -> outbox.due(T0))
                .join()));

        assertThat(seenMeanwhile).containsExactly(List.of());
        assertThat(dueEvents(T0)).containsExactly(entry.eventId());
    }

    @Test
    void removingAWebhooksEntriesLeavesTheOthers() {
        add("job:a", webhook);
        add("job:b", webhook);
        OutboxEntry kept = add("job:a", otherWebhook);

        outbox.removeAllOf(webhook);

        assertThat(outbox.pending()).containsExactly(kept);
    }
}
