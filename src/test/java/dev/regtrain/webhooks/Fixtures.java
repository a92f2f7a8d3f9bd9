package dev.regtrain.webhooks;

import dev.regtrain.common.Owner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhooks and outbox entries for tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The secret of the Standard Webhooks specification's test vector. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private Fixtures() {
    }

    public static Webhook webhook(String url, Owner owner, EventType... events) {
        return new Webhook(UUID.randomUUID().toString(), owner, url, List.of(events), SECRET, "test", T0,
                WebhookStatus.ACTIVE, null, 0);
    }

    public static OutboxEntry entry(long sequence, String eventId, String resource, String webhookId) {
        return new OutboxEntry(sequence, eventId, EventType.JOB_SUCCEEDED, resource, webhookId,
                "{\"id\":\"" + eventId + "\"}", T0, 0, T0);
    }

    /** An event id of the form the service issues. */
    public static String eventId(int n) {
        return String.format("evt_%032x", n);
    }
}
