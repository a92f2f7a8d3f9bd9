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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox as the dispatcher sees it: the durable entries ({@link OutboxStore}) plus which of them are still held.
 *
 * <p>Why nothing is lost and nothing is sent that did not happen. The state change that causes an event is saved in
 * three steps: (1) {@link #hold} writes the event's entries durably (forced to disk, renamed atomically) and marks
 * them held; (2) the resource's final record is saved; (3) {@link #release} lets the dispatcher send them. A crash
 * after (1) and before (2) leaves entries for a change the store does not have; a crash after (2) leaves entries for
 * one it has. So every entry read at a start is held until {@link #reconcile} has asked the resource's store whether
 * its change happened: entries whose resource is final (or was deleted, which only a final resource can be) are
 * released and delivered (at least once), the others are removed (the resource continues and announces its real end
 * later). Held entries and every later entry of the same resource wait, so one resource's events reach a webhook
 * in the order they were written.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeMap<String, OutboxEntry> entries = new TreeMap<>();
    private final Set<String> held = new HashSet<>();
    private long nextSequence;
    /** Counts releases and reschedules, so a waiter notices one that happened just before it waits. */
    private long version;

    public Outbox(OutboxStore store) {
        this.store = store;
        for (OutboxEntry entry : store.all()) {
            entries.put(entry.key(), entry);
            held.add(entry.key());
            nextSequence = Math.max(nextSequence, entry.sequence() + 1);
        }
    }

    /** Releases the entries read at the start whose change happened and removes the others (see the class). */
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
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long nextSequence() {
        lock.lock();
        try {
            return nextSequence++;
        } finally {
            lock.unlock();
        }
    }

    /** Step (1): writes the entries durably and holds them until {@link #release}. */
    void hold(List<OutboxEntry> newEntries) {
        lock.lock();
        try {
            for (OutboxEntry entry : newEntries) {
                entries.put(entry.key(), entry);
                held.add(entry.key());
                try {
                    store.put(entry);
                } catch (StorageException e) {
                    log.warn("webhook event {} could not be written to the outbox ({}); it is kept in memory and "
                            + "lost if the service stops before it is delivered", entry.eventId(), e.getMessage());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Step (3): the change is saved; the dispatcher may send the entries. */
    void release(List<OutboxEntry> saved) {
        lock.lock();
        try {
            saved.forEach(e -> held.remove(e.key()));
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The entries to attempt now: of each webhook and resource the oldest released entry, when it is due. A held
     * entry blocks nothing: it is either released at once, or its change was never saved (a store that failed), and
     * then the retried change brings its own entry.
     */
    List<OutboxEntry> due(Instant now) {
        lock.lock();
        try {
            List<OutboxEntry> due = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (OutboxEntry entry : entries.values()) {
                if (!held.contains(entry.key()) && seen.add(entry.webhookId() + "\n" + entry.resource())
                        && !entry.nextAttemptAt().isAfter(now)) {
                    due.add(entry);
                }
            }
            return due;
        } finally {
            lock.unlock();
        }
    }

    /** When the earliest released entry is due, if any. */
    Optional<Instant> nextDue() {
        lock.lock();
        try {
            return entries.values().stream().filter(e -> !held.contains(e.key())).map(OutboxEntry::nextAttemptAt)
                    .min(Instant::compareTo);
        } finally {
            lock.unlock();
        }
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an entry is released after {@code seenVersion}, or {@code max} passes. */
    void awaitChange(long seenVersion, Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (version == seenVersion && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void reschedule(OutboxEntry entry) {
        lock.lock();
        try {
            if (entries.containsKey(entry.key())) {
                entries.put(entry.key(), entry);
                store.put(entry);
            }
        } finally {
            lock.unlock();
        }
    }

    void remove(OutboxEntry entry) {
        lock.lock();
        try {
            removeLocked(entry);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every entry of a webhook (deleted or disabled). */
    void removeAllOf(String webhookId) {
        lock.lock();
        try {
            List.copyOf(entries.values()).stream().filter(e -> e.webhookId().equals(webhookId))
                    .forEach(this::removeLocked);
        } finally {
            lock.unlock();
        }
    }

    /** Entries not yet delivered nor given up, by sequence. */
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
