package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.DamageLog;
import dev.regtrain.security.KeyStore;
import dev.regtrain.security.KeyStoreContract;
import dev.regtrain.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the key store passes the contract, keeps only hashes, and refuses a damaged key. */
class FileKeyStoreTests extends KeyStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    @Override
    protected KeyStore newStore() {
        return new FileKeyStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Override
    protected KeyStore reopen() {
        return newStore();
    }

    @Test
    void aDamagedKeyFileIsRefusedNotTrusted() throws Exception {
        String hash = "d".repeat(64);
        store.save(key("key_d", "team-d", Role.ADMIN, hash, 1));
        Path file = dataDir.resolve("keys").resolve("key_d.json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 0x04;
        Files.write(file, bytes);

        assertThat(reopen().findBySha256(hash)).isEmpty();
    }
}
