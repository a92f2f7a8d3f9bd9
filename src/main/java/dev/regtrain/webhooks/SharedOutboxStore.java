package dev.regtrain.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of instances that share one store: the store itself is the queue. Entries are written in the transaction
 * that saves the change they announce, and an instance claims an entry (for a lease) before it attempts it, so that
 * one instance attempts it at a time; once the lease of an instance that died runs out, another claims it. A
 * {@link #put} or {@link #remove} of an entry this instance claimed ends the claim, and changes nothing when another
 * instance claimed the entry meanwhile. {@code OutboxContract} holds it to what {@link Outbox} promises.
 */
public interface SharedOutboxStore extends OutboxStore {

    /** See {@link Outbox#add}: one transaction writes the entries and runs {@code save}. */
    List<OutboxEntry> add(List<OutboxEntry> entries, Runnable save);

    /**
     * Calls {@code wakeUp} soon after any instance (this one included) has added entries, so that an idle dispatcher
     * attempts them at once rather than when it next looks.
     */
    void whenAdded(Runnable wakeUp);

    /** See {@link Outbox#due}: not claimed by a live lease. */
    List<OutboxEntry> due(Instant now);

    /** See {@link Outbox#claim}. */
    boolean claim(OutboxEntry entry);

    void removeAllOf(String webhookId);

    /** See {@link Outbox#nextDue}. */
    Optional<Instant> nextDue();
}
