package dev.regtrain.webhooks;

import java.util.List;

/**
 * A subscription as a client asks for it.
 *
 * @param events the event types to receive ({@link EventType#subscribableNames()})
 * @param secret {@code whsec_} + base64 of 24–64 bytes, or null to have one generated
 */
public record WebhookRequest(String url, List<String> events, String secret, String description) {
}
