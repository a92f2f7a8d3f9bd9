package dev.regtrain.storage.postgres;

import dev.regtrain.common.StorageException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapters' one way into PostgreSQL: every statement runs through {@link #call} or {@link #inTransaction}, so a
 * database that is down or refuses a statement becomes a {@link StorageException} (503 with Retry-After for a request,
 * a pause for a training job), never a framework exception or a 500. Records are stored as JSON text, read leniently
 * (rows outlive versions), as the file store keeps them.
 */
final class Database {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Database(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs statements; {@code what} completes "the database could not …" in the error. */
    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw new StorageException("the database could not " + what + " (" + reason(e) + ")", e);
        } catch (TransactionException e) { // a transaction that could not begin (no connection) or commit
            throw new StorageException("the database could not " + what + " (it cannot be reached or refused the "
                    + "commit)", e);
        }
    }

    void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    /** Runs statements in one transaction: all of them happen or none. */
    <T> T inTransaction(String what, Supplier<T> action) {
        return call(what, () -> transactions.execute(status -> action.get()));
    }

    /** An instant as the tables store it: nanoseconds since the epoch, exactly ({@link #instant} reads it back). */
    static long nanos(java.time.Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /** An instant stored as nanoseconds since the epoch ({@link #nanos}), exactly as it was. */
    static java.time.Instant instant(long nanos) {
        return java.time.Instant.ofEpochSecond(0, nanos);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A stored record read back; null when it is not readable JSON of that type (the caller reports the damage). */
    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Whether the database was away (down, restarting, unreachable) or refused the statement itself. */
    private static String reason(DataAccessException e) {
        Throwable root = e.getMostSpecificCause();
        String state = root instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        boolean away = e instanceof DataAccessResourceFailureException || e instanceof RecoverableDataAccessException
                || state != null && (state.startsWith("08") || state.startsWith("57P"));
        return away ? "it cannot be reached" : "it refused the statement";
    }
}
