package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} adapter must do; each adapter's test class extends this one. */
public abstract class OutboxStoreContract {

    protected OutboxStore store;

    protected abstract OutboxStore newStore();

    /** A new adapter on the same storage, as after a crash. */
    protected abstract OutboxStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    @Test
    void entriesSurviveARestartInTheOrderTheyWereWritten() {
        String webhook = UUID.randomUUID().toString();
        OutboxEntry tenth = Fixtures.entry(10, Fixtures.eventId(10), "job:a", webhook);
        OutboxEntry second = Fixtures.entry(2, Fixtures.eventId(2), "job:b", webhook);
        OutboxEntry ninth = Fixtures.entry(9, Fixtures.eventId(9), "job:a", webhook);
        store.put(tenth);
        store.put(second);
        store.put(ninth);

        assertThat(reopen().all()).containsExactly(second, ninth, tenth);
    }

    @Test
    void aRescheduledEntryReplacesItselfAndARemovedOneIsGone() {
        String webhook = UUID.randomUUID().toString();
        OutboxEntry entry = Fixtures.entry(1, Fixtures.eventId(1), "job:a", webhook);
        OutboxEntry other = Fixtures.entry(2, Fixtures.eventId(2), "job:b", webhook);
        store.put(entry);
        store.put(other);
        OutboxEntry retried = entry.retryAt(Fixtures.T0.plusSeconds(4));
        store.put(retried);

        assertThat(reopen().all()).containsExactly(retried, other);

        store.remove(retried);
        assertThat(reopen().all()).containsExactly(other);
    }
}
