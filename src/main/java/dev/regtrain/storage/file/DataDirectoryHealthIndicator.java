package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.regtrain.common.DamageLog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The data directory's free space against {@code regtrain.min-free-space}: below it the service is OUT_OF_SERVICE for
 * readiness (a load balancer sends new work elsewhere) while it stays alive and keeps serving what it has.
 */
@Component("dataDirectory")
class DataDirectoryHealthIndicator implements HealthIndicator {

    private final Path dataDir;
    private final long floorBytes;
    private final DamageLog damage;

    DataDirectoryHealthIndicator(RegtrainProperties properties, DamageLog damage) {
        this.damage = damage;
        this.dataDir = properties.dataDir();
        this.floorBytes = properties.minFreeSpace().toBytes();
        try { // the file stores make it; with regtrain.store=postgres none does, and it is still watched
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            // health() reports it
        }
    }

    @Override
    public Health health() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            Health.Builder health = free >= floorBytes ? Health.up() : Health.status(Status.OUT_OF_SERVICE)
                    .withDetail("reason", "the data directory has less free space than regtrain.min-free-space");
            List<DamageLog.Entry> found = damage.all();
            if (!found.isEmpty()) {
                health.withDetail("damaged", found.stream().limit(20).map(e -> e.resource() + " " + e.id() + ": "
                        + e.detail()).toList()).withDetail("damagedCount", found.size());
            }
            return health.withDetail("freeBytes", free).withDetail("minFreeBytes", floorBytes).build();
        } catch (IOException e) {
            return Health.down().withDetail("reason", "the data directory cannot be read").build();
        }
    }
}
