package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.DamageLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * The data directory is watched even when no store writes to it (regtrain.store=postgres): it is made at start, so an
 * instance on PostgreSQL is ready.
 */
class DataDirectoryHealthIndicatorTests {

    @TempDir
    Path parent;

    @Test
    void aDataDirectoryThatNoStoreMadeIsMadeAndIsUp() {
        Path dataDir = parent.resolve("instance-1");

        DataDirectoryHealthIndicator health = new DataDirectoryHealthIndicator(
                FileCheckpointStoreTests.properties(dataDir), new DamageLog(Clock.systemUTC()));

        assertThat(Files.isDirectory(dataDir)).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
