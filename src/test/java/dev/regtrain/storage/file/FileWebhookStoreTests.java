package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.webhooks.WebhookStore;
import dev.regtrain.webhooks.WebhookStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the webhook store passes the contract. */
class FileWebhookStoreTests extends WebhookStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected WebhookStore newStore() {
        return new FileWebhookStore(FileCheckpointStoreTests.properties(dataDir), new DamageLog(Clock.systemUTC()));
    }

    @Override
    protected WebhookStore reopen() {
        return newStore();
    }
}
