package dev.regtrain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outbox as the events and the dispatcher see it: entries written with the change they announce, attempted in
 * order, one resource's events to one webhook one at a time. Two implementations: {@link LocalOutbox} (one instance;
 * its entries in memory, made durable by an {@link OutboxStore} that has no transactions) and {@link SharedOutbox}
 * (instances sharing a {@link SharedOutboxStore}: the store is the queue, entries commit with their change, and an
 * instance claims an entry before it attempts it).
 */
public interface Outbox {

    /**
     * Numbers the entries and writes them together with the change that causes them ({@code save}, which writes the
     * change): afterwards both are saved and the entries will be delivered, or {@code save} threw and nothing is
     * delivered (the exception is passed on). {@code entries}' sequences are ignored.
     *
     * @return the entries as written, numbered
     */
    List<OutboxEntry> add(List<OutboxEntry> entries, Runnable save);

    /** At a start, before the first delivery: decides about the entries a stop interrupted between write and save. */
    void reconcile(Predicate<OutboxEntry> happened);

    /** The entries to attempt now: of each webhook and resource the oldest, when it is due and nobody attempts it. */
    List<OutboxEntry> due(Instant now);

    /**
     * Takes an entry that {@link #due} gave, for this instance to attempt; false when another instance took it first
     * or it changed meanwhile. The claim ends with {@link #reschedule} or {@link #remove}.
     */
    boolean claim(OutboxEntry entry);

    /** The entry's next attempt (after a failed one): its attempt count and time. */
    void reschedule(OutboxEntry entry);

    /** Delivered or given up. */
    void remove(OutboxEntry entry);

    /** Drops every entry of a webhook (deleted or disabled). */
    void removeAllOf(String webhookId);

    /** When the earliest entry that {@link #due} could give falls due, if any. */
    Optional<Instant> nextDue();

    /** Entries not yet delivered nor given up, by sequence. */
    List<OutboxEntry> pending();

    /** Counts additions and reschedules here, so that a waiter notices one that happened just before it waits. */
    long version();

    /** Waits until {@link #version} passes {@code seenVersion}, or {@code max} passes. */
    void awaitChange(long seenVersion, Duration max) throws InterruptedException;
}
