package dev.regtrain.storage.postgres;

import dev.regtrain.webhooks.Outbox;
import dev.regtrain.webhooks.OutboxContract;
import dev.regtrain.webhooks.SharedOutbox;
import java.time.Duration;

/** The outbox instances share, on PostgreSQL, holds to the same contract as one instance's. */
class PostgresOutboxTests extends OutboxContract {

    @Override
    protected Outbox newOutbox() {
        return new SharedOutbox(new PostgresOutboxStore(PostgresStores.empty(), Duration.ofMinutes(1),
                PostgresStores.notifications()));
    }
}
