package dev.regtrain.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regtrain.webhooks.DeliveryAttempt;
import dev.regtrain.webhooks.EventType;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it; {@code secret} only in the answer that creates it. */
@Schema(description = "A webhook: where its owner's events of the listed types are posted, signed with its secret")
record WebhookResponse(
        @Schema(example = "4f9c2a8e-0b1d-4c43-9a55-2f0b1e4f7a10") String id,
        @Schema(example = "anonymous") String owner,
        @Schema(example = "https://ci.example.com/hooks/regtrain") String url,
        List<EventType> events,
        String description,
        WebhookStatus status,
        @Schema(description = "Why it is DISABLED (a 410, or 50 failed attempts in a row); null while ACTIVE")
        String disabledReason,
        @Schema(description = "Failed delivery attempts since the last delivered one") int consecutiveFailures,
        Instant createdAt,
        @Schema(description = "whsec_ and the base64 of the HMAC key; only in the answer to POST, never again")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Links links) {

    record Links(String self, String deliveries, String test) {
    }

    static WebhookResponse of(Webhook webhook, boolean withSecret) {
        String self = "/api/v1/webhooks/" + webhook.id();
        return new WebhookResponse(webhook.id(), webhook.owner().name(), webhook.url(), webhook.events(),
                webhook.description(), webhook.status(), webhook.disabledReason(), webhook.consecutiveFailures(),
                webhook.createdAt(), withSecret ? webhook.secret() : null,
                new Links(self, self + "/deliveries", self + "/test"));
    }

    /** The caller's webhooks, oldest first. */
    record Page(List<WebhookResponse> webhooks) {
    }

    /** The latest delivery attempts of a webhook, newest first. */
    record Deliveries(String webhookId, List<Attempt> deliveries) {
    }

    /** One attempt: which event, which try, what the receiver said (or why nothing was sent) and what comes next. */
    record Attempt(@Schema(example = "evt_5f2b0c7e9a1d4e3f8b6a0c2d4e6f8a1b") String eventId, EventType type,
                   @Schema(description = "1 for the first attempt of this event") int attempt, Instant at,
                   @Schema(description = "The receiver's status; null when no answer came") Integer responseStatus,
                   long durationMillis,
                   @Schema(description = "Why it failed; null when delivered") String error,
                   @Schema(description = "When it is tried again; null when delivered or given up")
                   Instant nextAttemptAt) {

        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.eventId(), a.type(), a.attempt(), a.at(), a.responseStatus(), a.durationMillis(),
                    a.error(), a.nextAttemptAt());
        }
    }

    /** The answer to a test: the id of the {@code webhook.test} event queued. */
    record TestEvent(String eventId, EventType type) {
    }
}
