package dev.regtrain.storage.postgres;

import dev.regtrain.common.Owner;
import dev.regtrain.common.StorageException;
import dev.regtrain.security.QuotaLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * An owner's quota lock in PostgreSQL: a session-level advisory lock on the owner's name, held on a connection of its
 * own while the count and the upload's store (which writes through other connections) run, and released after. If
 * the instance dies meanwhile, its connection closes and PostgreSQL releases the lock.
 */
final class PostgresQuotaLock implements QuotaLock {

    /** The first key of these advisory locks (the second is the hash of the owner's name). */
    private static final int LOCKS = 0x0a07a;

    private final DataSource dataSource;

    PostgresQuotaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T holding(Owner owner, Supplier<T> action) {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, "select pg_advisory_lock(?, hashtext(?))", owner);
            try {
                return action.get();
            } finally {
                lock(connection, "select pg_advisory_unlock(?, hashtext(?))", owner);
            }
        } catch (SQLException e) {
            throw new StorageException("the database could not lock the storage quota of " + owner.name() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void lock(Connection connection, String sql, Owner owner) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCKS);
            statement.setString(2, owner.name());
            statement.execute();
        }
    }
}
