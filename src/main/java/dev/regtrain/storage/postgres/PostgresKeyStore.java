package dev.regtrain.storage.postgres;

import dev.regtrain.common.Owner;
import dev.regtrain.security.ApiKey;
import dev.regtrain.security.KeyStore;
import dev.regtrain.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in PostgreSQL's {@code api_keys} table, as their SHA-256 only: every instance finds a request's key by it, so
 * a key created on one instance authenticates on all, and a key revoked on one is refused by all from the next request
 * on. A row that no longer makes a valid key is left out (its key is refused: it fails closed).
 */
final class PostgresKeyStore implements KeyStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresKeyStore.class);
    private static final String COLUMNS = "id, owner, role, name, created_nanos, sha256";

    /** The advisory lock's key for {@link #saveFirstAdmin} ("rtkadmin" in ASCII). */
    private static final long FIRST_ADMIN_LOCK = 0x72746b61646d696eL;

    private final Database db;

    PostgresKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(ApiKey key) {
        db.run("save a key", () -> db.jdbc.update("insert into api_keys (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?) "
                + "on conflict (id) do update set owner = excluded.owner, role = excluded.role, name = excluded.name, "
                + "created_nanos = excluded.created_nanos, sha256 = excluded.sha256", key.id(), key.owner().name(),
                key.role().name(), key.name(), Database.nanos(key.createdAt()), key.sha256()));
    }

    /**
     * Under a transaction-scoped advisory lock that every instance takes for this decision: two instances starting
     * together on an empty database would otherwise each find no admin key and each make one.
     */
    @Override
    public boolean saveFirstAdmin(ApiKey key) {
        return db.inTransaction("save the first admin key", () -> {
            db.jdbc.queryForList("select pg_advisory_xact_lock(?)", FIRST_ADMIN_LOCK);
            if (!db.jdbc.queryForList("select 1 from api_keys where role = 'ADMIN' limit 1", Integer.class)
                    .isEmpty()) {
                return false;
            }
            save(key);
            return true;
        });
    }

    @Override
    public Optional<ApiKey> findBySha256(String sha256) {
        return db.call("look up a key", () -> db.jdbc.query("select " + COLUMNS + " from api_keys where sha256 = ?",
                (rs, i) -> key(rs), sha256)).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public List<ApiKey> list() {
        return db.call("list the keys", () -> db.jdbc.query("select " + COLUMNS + " from api_keys order by "
                + "created_nanos, id collate \"C\"", (rs, i) -> key(rs))).stream().filter(Objects::nonNull).toList();
    }

    @Override
    public boolean delete(String id) {
        return db.call("delete a key", () -> db.jdbc.update("delete from api_keys where id = ?", id)) > 0;
    }

    /** The key a row holds, or null (reported) when the row is not a valid key. */
    private static ApiKey key(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            return new ApiKey(id, new Owner(rs.getString("owner")), Role.valueOf(rs.getString("role")),
                    rs.getString("name"), Database.instant(rs.getLong("created_nanos")), rs.getString("sha256"));
        } catch (RuntimeException e) {
            log.warn("key {}: its stored row is not a valid key ({}); the key is refused", id, e.getMessage());
            return null;
        }
    }
}
