package dev.regtrain.storage.file;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code store} component with the file store: always up (one instance, its own disk, whose
 * space {@code dataDirectory} watches); with {@code regtrain.store=postgres} the component says whether the database
 * answers.
 */
@Component("store")
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileStoreHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        return Health.up().withDetail("type", "file").build();
    }
}
