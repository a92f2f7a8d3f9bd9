package dev.regtrain.storage.postgres;

import dev.regtrain.common.StorageException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health}'s {@code store} component: whether PostgreSQL answers, and the schema version. */
final class StoreHealthIndicator implements HealthIndicator {

    private final Database db;
    private final String schemaVersion;

    StoreHealthIndicator(Database db, String schemaVersion) {
        this.db = db;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public Health health() {
        try {
            db.call("answer", () -> db.jdbc.queryForObject("select 1", Integer.class));
            return Health.up().withDetail("type", "postgres").withDetail("schemaVersion", schemaVersion).build();
        } catch (StorageException e) {
            return Health.down().withDetail("type", "postgres").withDetail("reason", e.getMessage()).build();
        }
    }
}
