package dev.regtrain.webhooks;

import dev.regtrain.common.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subscription: where an owner's events of some types are posted, signed with its secret.
 *
 * @param secret {@code whsec_} and the base64 of the HMAC key; stored, shown only in the answer that creates it
 * @param consecutiveFailures failed attempts since the last delivered one (any event); at
 *                            {@link Deliveries#MAX_CONSECUTIVE_FAILURES} the webhook is disabled
 * @param disabledReason why it is DISABLED; null while ACTIVE
 */
public record Webhook(String id, Owner owner, String url, List<EventType> events, String secret, String description,
                      Instant createdAt, WebhookStatus status, String disabledReason, int consecutiveFailures) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    public boolean receives(Owner eventOwner, EventType type) {
        return status == WebhookStatus.ACTIVE && owner.equals(eventOwner) && events.contains(type);
    }

    Webhook delivered() {
        return consecutiveFailures == 0 ? this : with(status, disabledReason, 0);
    }

    Webhook failed() {
        return with(status, disabledReason, consecutiveFailures + 1);
    }

    Webhook disabled(String reason) {
        return with(WebhookStatus.DISABLED, reason, consecutiveFailures);
    }

    private Webhook with(WebhookStatus newStatus, String reason, int failures) {
        return new Webhook(id, owner, url, events, secret, description, createdAt, newStatus, reason, failures);
    }
}
