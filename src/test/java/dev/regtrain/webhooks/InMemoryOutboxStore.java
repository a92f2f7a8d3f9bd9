package dev.regtrain.webhooks;

import java.util.List;
import java.util.TreeMap;

/** The outbox in memory: it survives a "crash" as long as the test keeps the object (a new Outbox reads it again). */
public final class InMemoryOutboxStore implements OutboxStore {

    private final TreeMap<String, OutboxEntry> entries = new TreeMap<>();

    @Override
    public synchronized void put(OutboxEntry entry) {
        entries.put(entry.key(), entry);
    }

    @Override
    public synchronized void remove(OutboxEntry entry) {
        entries.remove(entry.key());
    }

    @Override
    public synchronized List<OutboxEntry> all() {
        return List.copyOf(entries.values());
    }
}
