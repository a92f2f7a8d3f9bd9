package dev.regtrain.webhooks;

import java.util.List;

/**
 * The durable outbox: events not yet delivered or given up. {@link #put} returns only once the entry survives a
 * crash (forced to disk); {@code OutboxStoreContract} holds every adapter to the same behaviour.
 */
public interface OutboxStore {

    /** Writes the entry, replacing the one with the same key, durably. */
    void put(OutboxEntry entry);

    void remove(OutboxEntry entry);

    /** Every entry, by sequence. */
    List<OutboxEntry> all();
}
