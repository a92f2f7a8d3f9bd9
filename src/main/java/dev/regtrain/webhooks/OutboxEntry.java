package dev.regtrain.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting to reach one webhook: written durably when the state change that causes it is saved, removed
 * once delivered or given up.
 *
 * @param sequence the order of writing, given by the outbox; events of one resource reach a webhook in this order
 * @param resource what the event is about, e.g. {@code job:<id>}: one event of a resource at a time per webhook
 * @param body the exact bytes posted (as UTF-8), signed anew at every attempt
 * @param attempts the attempts made so far
 * @param nextAttemptAt not tried before this instant
 */
public record OutboxEntry(long sequence, String eventId, EventType type, String resource, String webhookId,
                          String body, Instant createdAt, int attempts, Instant nextAttemptAt) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** The file name and key of the entry: its sequence, then the event and webhook it joins. */
    public String key() {
        return String.format("%019d-%s-%s", sequence, eventId, webhookId);
    }

    OutboxEntry withSequence(long newSequence) {
        return new OutboxEntry(newSequence, eventId, type, resource, webhookId, body, createdAt, attempts,
                nextAttemptAt);
    }

    OutboxEntry retryAt(Instant next) {
        return new OutboxEntry(sequence, eventId, type, resource, webhookId, body, createdAt, attempts + 1, next);
    }
}
