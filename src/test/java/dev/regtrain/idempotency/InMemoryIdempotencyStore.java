package dev.regtrain.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IdempotencyStore} in memory for unit tests; it passes the same contract as the real adapters. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    private static String id(String scope, String key) {
        return scope + "\n" + key;
    }

    /** Everything remembered, for assertions. */
    public List<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(records.get(id(scope, key)));
    }

    @Override
    public boolean claim(IdempotencyRecord record) {
        return records.putIfAbsent(id(record.scope(), record.key()), record) == null;
    }

    @Override
    public void save(IdempotencyRecord record) {
        records.put(id(record.scope(), record.key()), record);
    }

    @Override
    public void delete(String scope, String key) {
        records.remove(id(scope, key));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        List<String> old = records.entrySet().stream().filter(e -> e.getValue().createdAt().isBefore(cutoff))
                .map(Map.Entry::getKey).toList();
        old.forEach(records::remove);
        return old.size();
    }
}
