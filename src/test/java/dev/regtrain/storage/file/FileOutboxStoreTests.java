package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.DamageLog;
import dev.regtrain.webhooks.Fixtures;
import dev.regtrain.webhooks.OutboxEntry;
import dev.regtrain.webhooks.OutboxStore;
import dev.regtrain.webhooks.OutboxStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the outbox passes the contract, and a damaged entry does not stop the others. */
class FileOutboxStoreTests extends OutboxStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    @Override
    protected OutboxStore newStore() {
        return new FileOutboxStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Override
    protected OutboxStore reopen() {
        return newStore();
    }

    @Test
    void aDamagedEntryIsReportedAndTheOthersAreStillRead() throws Exception {
        String webhook = UUID.randomUUID().toString();
        OutboxEntry kept = Fixtures.entry(1, Fixtures.eventId(1), "job:a", webhook);
        OutboxEntry damaged = Fixtures.entry(2, Fixtures.eventId(2), "job:b", webhook);
        store.put(kept);
        store.put(damaged);
        Path file = dataDir.resolve("outbox").resolve(damaged.key() + ".json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 0x04;
        Files.write(file, bytes);

        assertThat(reopen().all()).containsExactly(kept);
        assertThat(damage.all()).anySatisfy(e -> assertThat(e.detail()).contains("outbox entry is damaged"));
    }
}
