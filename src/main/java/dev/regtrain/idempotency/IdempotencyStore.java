package dev.regtrain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where Idempotency-Keys are remembered across restarts; the storage adapters implement it and
 * {@code IdempotencyStoreContract} holds every adapter to the same behaviour.
 */
public interface IdempotencyStore {

    Optional<IdempotencyRecord> find(String scope, String key);

    /** Stores a new claim unless the key already has a record (then nothing changes); true when it was stored. */
    boolean claim(IdempotencyRecord record);

    /** Replaces the key's record (a claim that was answered). */
    void save(IdempotencyRecord record);

    void delete(String scope, String key);

    /** Forgets every key created before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
