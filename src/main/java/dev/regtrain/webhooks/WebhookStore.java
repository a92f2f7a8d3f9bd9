package dev.regtrain.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

    /**
     * Changes the webhook in one step, also against changes that other instances sharing the store make at the same
     * time (two deliveries failing at once count two failures); nothing when it was deleted meanwhile.
     *
     * @return the webhook after the change, or empty when there is none
     */
    Optional<Webhook> update(String id, UnaryOperator<Webhook> change);

    /** Removes the webhook and its attempts. */
    void delete(String id);

    /** Records an attempt, dropping the oldest beyond {@link #KEPT_ATTEMPTS}. */
    void recordAttempt(DeliveryAttempt attempt);

    /** The webhook's latest attempts, newest first. */
    List<DeliveryAttempt> attempts(String webhookId);
}
