package dev.regtrain.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver one event to one webhook, as the deliveries log shows it.
 *
 * @param attempt 1 for the first attempt of this event at this webhook
 * @param responseStatus the receiver's HTTP status; null when no answer came (refused, timed out, not sent)
 * @param durationMillis how long the attempt took, from the address check to the answer
 * @param error why the attempt failed; null when delivered
 * @param nextAttemptAt when it is tried again; null when delivered or given up
 */
public record DeliveryAttempt(String webhookId, String eventId, EventType type, int attempt, Instant at,
                              Integer responseStatus, long durationMillis, String error, Instant nextAttemptAt) {

    public DeliveryAttempt {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public boolean delivered() {
        return error == null;
    }
}
