package dev.regtrain.webhooks;

import dev.regtrain.common.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of one instance: the durable entries ({@link OutboxStore}, without transactions) in memory, plus which of
 * them are still held.
 *
 * <p>Why nothing is lost and nothing is sent that did not happen. {@link #add} saves a change in three steps: (1) the
 * event's entries are written durably (forced to disk, renamed atomically) and held; (2) the change is saved; (3) they
 * are released for the dispatcher, or, when (2) threw, removed. A crash after (1) and before (2) leaves entries for a
 * change the store does not have; a crash after (2) leaves entries for one it has. So every entry read at a start is
 * held until {@link #reconcile} has asked the resource's store whether its change happened: entries whose resource is
 * final (or was deleted, which only a final resource can be) are released and delivered (at least once), the others
 * are removed (the resource continues and announces its real end later). Held entries and every later entry of the
 * same resource wait, so one resource's events reach a webhook in the order they were written.
 */
public final class LocalOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(LocalOutbox.class);

    private final OutboxStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Wakeups wakeups = new Wakeups();
    private final TreeMap<String, OutboxEntry> entries = new TreeMap<>();
    private final Set<String> held = new HashSet<>();
    private long nextSequence;

    public LocalOutbox(OutboxStore store) {
        this.store = store;
        for (OutboxEntry entry : store.all()) {
            entries.put(entry.key(), entry);
            held.add(entry.key());
            nextSequence = Math.max(nextSequence, entry.sequence() + 1);
        }
    }

    @Override
    public List<OutboxEntry> add(List<OutboxEntry> newEntries, Runnable save) {
        List<OutboxEntry> numbered = hold(newEntries);
        try {
            save.run();
        } catch (RuntimeException | Error e) {
            drop(numbered);
            throw e;
        }
        release(numbered);
        return numbered;
    }

    /** Releases the entries read at the start whose change happened and removes the others (see the class). */
    @Override
    public void reconcile(Predicate<OutboxEntry> happened) {
        lock.lock();
        try {
            for (OutboxEntry entry : List.copyOf(entries.values())) {
                if (!held.contains(entry.key())) {
                    continue;
                }
                if (happened.test(entry)) {
                    held.remove(entry.key());
                } else {
                    log.info("webhook event {} ({} of {}) is dropped: the change it announces was not saved before "
                            + "the last stop", entry.eventId(), entry.type(), entry.resource());
                    removeLocked(entry);
                }
            }
        } finally {
            lock.unlock();
        }
        wakeups.bump();
    }

    /** Step (1): numbers the entries, writes them durably and holds them. */
    private List<OutboxEntry> hold(List<OutboxEntry> newEntries) {
        lock.lock();
        try {
            List<OutboxEntry> numbered = new ArrayList<>();
            for (OutboxEntry unnumbered : newEntries) {
                OutboxEntry entry = unnumbered.withSequence(nextSequence++);
                numbered.add(entry);
                entries.put(entry.key(), entry);
                held.add(entry.key());
                try {
                    store.put(entry);
                } catch (StorageException e) {
                    log.warn("webhook event {} could not be written to the outbox ({}); it is kept in memory and "
                            + "lost if the service stops before it is delivered", entry.eventId(), e.getMessage());
                }
            }
            return numbered;
        } finally {
            lock.unlock();
        }
    }

    /** Step (3): the change is saved; the dispatcher may send the entries. */
    private void release(List<OutboxEntry> saved) {
        lock.lock();
        try {
            saved.forEach(e -> held.remove(e.key()));
        } finally {
            lock.unlock();
        }
        wakeups.bump();
    }

    /** Step (3) when the change was not saved: its entries go (if that fails, the next start reconciles them). */
    private void drop(List<OutboxEntry> unsaved) {
        lock.lock();
        try {
            for (OutboxEntry entry : unsaved) {
                try {
                    removeLocked(entry);
                } catch (StorageException e) {
                    log.warn("webhook event {} of a change that was not saved stays in the outbox ({}); the next "
                            + "start drops it", entry.eventId(), e.getMessage());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Of each webhook and resource the oldest released entry, when it is due. A held entry blocks nothing: it is
     * either released at once, or its change is being saved and fails, and then it is dropped.
     */
    @Override
    public List<OutboxEntry> due(Instant now) {
        return heads().stream().filter(e -> !e.nextAttemptAt().isAfter(now)).toList();
    }

    /** One dispatcher attempts this instance's entries: the claim only checks that the entry is still as it was. */
    @Override
    public boolean claim(OutboxEntry entry) {
        lock.lock();
        try {
            return entry.equals(entries.get(entry.key())) && !held.contains(entry.key());
        } finally {
            lock.unlock();
        }
    }

    /** When the earliest of the entries {@link #due} looks at falls due (a later entry of a resource waits). */
    @Override
    public Optional<Instant> nextDue() {
        return heads().stream().map(OutboxEntry::nextAttemptAt).min(Instant::compareTo);
    }

    private List<OutboxEntry> heads() {
        lock.lock();
        try {
            List<OutboxEntry> heads = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (OutboxEntry entry : entries.values()) {
                if (!held.contains(entry.key()) && seen.add(entry.webhookId() + "\n" + entry.resource())) {
                    heads.add(entry);
                }
            }
            return heads;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long version() {
        return wakeups.version();
    }

    @Override
    public void awaitChange(long seenVersion, Duration max) throws InterruptedException {
        wakeups.await(seenVersion, max);
    }

    @Override
    public void reschedule(OutboxEntry entry) {
        lock.lock();
        try {
            if (entries.containsKey(entry.key())) {
                entries.put(entry.key(), entry);
                store.put(entry);
            }
        } finally {
            lock.unlock();
        }
        wakeups.bump();
    }

    @Override
    public void remove(OutboxEntry entry) {
        lock.lock();
        try {
            removeLocked(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void removeAllOf(String webhookId) {
        lock.lock();
        try {
            List.copyOf(entries.values()).stream().filter(e -> e.webhookId().equals(webhookId))
                    .forEach(this::removeLocked);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<OutboxEntry> pending() {
        lock.lock();
        try {
            return List.copyOf(entries.values());
        } finally {
            lock.unlock();
        }
    }

    private void removeLocked(OutboxEntry entry) {
        entries.remove(entry.key());
        held.remove(entry.key());
        store.remove(entry);
    }
}
