package dev.regtrain.webhooks;

import java.util.List;
import java.util.Optional;

/**
 * Where subscriptions and their latest delivery attempts are kept; {@code WebhookStoreContract} holds every adapter
 * to the same behaviour.
 */
public interface WebhookStore {

    /** How many attempts of one webhook are kept for its deliveries log (the oldest go first). */
    int KEPT_ATTEMPTS = 100;

    void save(Webhook webhook);

    Optional<Webhook> find(String id);

    /** Every webhook, oldest first. */
    List<Webhook> list();

    /** Removes the webhook and its attempts. */
    void delete(String id);

    /** Records an attempt, dropping the oldest beyond {@link #KEPT_ATTEMPTS}. */
    void recordAttempt(DeliveryAttempt attempt);

    /** The webhook's latest attempts, newest first. */
    List<DeliveryAttempt> attempts(String webhookId);
}
