package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.Sha256;
import dev.regtrain.idempotency.IdempotencyStore;
import dev.regtrain.idempotency.IdempotencyStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the idempotency store passes the contract. */
class FileIdempotencyStoreTests extends IdempotencyStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    @Override
    protected IdempotencyStore newStore() {
        return new FileIdempotencyStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Override
    protected IdempotencyStore reopen() {
        return newStore();
    }

    /** A key whose record is damaged is refused, never treated as new: its first request may have created something. */
    @ParameterizedTest
    @ValueSource(strings = {"flip", "truncate"})
    void aDamagedRecordRefusesItsKeyInsteadOfCreatingTwice(String how) throws Exception {
        store.claim(claim("jobs", "k", Instant.parse("2026-01-01T00:00:00Z")));
        store.claim(claim("jobs", "other", Instant.parse("2026-01-01T00:00:00Z")));
        Path file;
        try (Stream<Path> files = Files.list(dataDir.resolve("idempotency"))) {
            file = files.filter(f -> f.getFileName().toString().equals("jobs-" + Sha256.hex("k".getBytes()) + ".json"))
                    .findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        if (how.equals("flip")) {
            bytes[10] ^= 0x02;
            Files.write(file, bytes);
        } else {
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        }

        IdempotencyStore restarted = reopen();

        assertThatThrownBy(() -> restarted.find("jobs", "k")).isInstanceOf(DamagedDataException.class)
                .hasMessageContaining("Idempotency-Key 'k'");
        assertThat(restarted.find("jobs", "other")).isPresent();
        assertThat(damage.all()).hasSize(1);
    }
}
