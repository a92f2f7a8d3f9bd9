package dev.regtrain.idempotency;

import java.util.List;

/** Where Idempotency-Keys are remembered across restarts. Implemented by the storage adapters. */
public interface IdempotencyStore {

    List<IdempotencyRecord> loadAll();

    void save(IdempotencyRecord record);

    void delete(String scope, String key);
}
