package dev.regtrain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outbox of instances sharing a {@link SharedOutboxStore}. Nothing is held in memory and nothing needs reconciling
 * at a start: an entry commits in the transaction of the change it announces, or not at all. Every instance's
 * dispatcher is woken when any instance adds entries ({@link SharedOutboxStore#whenAdded}), and the first to claim an
 * entry attempts it (an instance busy with a slow receiver leaves the others' entries to idle instances); entries
 * that fall due later, or whose claimer died, are found when a dispatcher next looks ({@link WebhookDispatcher#MAX_IDLE}).
 */
public final class SharedOutbox implements Outbox {

    private final SharedOutboxStore store;
    private final Wakeups wakeups = new Wakeups();

    public SharedOutbox(SharedOutboxStore store) {
        this.store = store;
        store.whenAdded(wakeups::bump);
    }

    @Override
    public List<OutboxEntry> add(List<OutboxEntry> entries, Runnable save) {
        List<OutboxEntry> written = store.add(entries, save);
        wakeups.bump();
        return written;
    }

    @Override
    public void reconcile(Predicate<OutboxEntry> happened) {
        wakeups.bump();
    }

    @Override
    public List<OutboxEntry> due(Instant now) {
        return store.due(now);
    }

    @Override
    public boolean claim(OutboxEntry entry) {
        return store.claim(entry);
    }

    @Override
    public void reschedule(OutboxEntry entry) {
        store.put(entry);
        wakeups.bump();
    }

    @Override
    public void remove(OutboxEntry entry) {
        store.remove(entry);
    }

    @Override
    public void removeAllOf(String webhookId) {
        store.removeAllOf(webhookId);
    }

    @Override
    public Optional<Instant> nextDue() {
        return store.nextDue();
    }

    @Override
    public List<OutboxEntry> pending() {
        return store.all();
    }

    @Override
    public long version() {
        return wakeups.version();
    }

    @Override
    public void awaitChange(long seenVersion, Duration max) throws InterruptedException {
        wakeups.await(seenVersion, max);
    }
}
