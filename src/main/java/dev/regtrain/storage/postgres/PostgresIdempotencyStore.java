package dev.regtrain.storage.postgres;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.idempotency.IdempotencyRecord;
import dev.regtrain.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency-Keys in PostgreSQL's {@code idempotency_keys} table. A claim is one insert that does nothing when the key
 * has a row, so that of two instances receiving the same key at once exactly one claims it.
 */
final class PostgresIdempotencyStore implements IdempotencyStore {

    private final Database db;

    PostgresIdempotencyStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return db.call("read an idempotency key", () -> db.jdbc.queryForList("select record from idempotency_keys "
                + "where scope = ? and key = ?", String.class, scope, key)).stream().findFirst().map(text -> {
                    IdempotencyRecord record = Database.read(text, IdempotencyRecord.class);
                    if (record == null) {
                        throw new DamagedDataException("the stored record of Idempotency-Key '" + key + "' is not "
                                + "readable; its first request may have created its resource, so this one is not "
                                + "handled: look for that resource in the list, and send the request with a new key "
                                + "if it is not there");
                    }
                    return record;
                });
    }

    @Override
    public boolean claim(IdempotencyRecord record) {
        return db.call("claim an idempotency key", () -> db.jdbc.update("insert into idempotency_keys (scope, key, "
                + "created_nanos, record) values (?, ?, ?, ?) on conflict (scope, key) do nothing", record.scope(),
                record.key(), Database.nanos(record.createdAt()), Database.json(record))) == 1;
    }

    @Override
    public void save(IdempotencyRecord record) {
        db.run("save an idempotency key", () -> db.jdbc.update("insert into idempotency_keys (scope, key, "
                + "created_nanos, record) values (?, ?, ?, ?) on conflict (scope, key) do update set record = "
                + "excluded.record, created_nanos = excluded.created_nanos", record.scope(), record.key(),
                Database.nanos(record.createdAt()), Database.json(record)));
    }

    @Override
    public void delete(String scope, String key) {
        db.run("delete an idempotency key", () -> db.jdbc.update("delete from idempotency_keys where scope = ? and "
                + "key = ?", scope, key));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return db.call("forget expired idempotency keys", () -> db.jdbc.update("delete from idempotency_keys where "
                + "created_nanos < ?", Database.nanos(cutoff)));
    }
}
