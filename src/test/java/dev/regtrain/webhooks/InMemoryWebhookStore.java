package dev.regtrain.webhooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhooks in memory, for service tests; passes the same contract as the file adapter. */
public final class InMemoryWebhookStore implements WebhookStore {

    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<String, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();

    @Override
    public synchronized void save(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
        attempts.putIfAbsent(webhook.id(), new ArrayList<>());
    }

    @Override
    public synchronized Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public synchronized List<Webhook> list() {
        return webhooks.values().stream().sorted(Comparator.comparing(Webhook::createdAt)
                .thenComparing(Webhook::id)).toList();
    }

    @Override
    public synchronized Optional<Webhook> update(String id, java.util.function.UnaryOperator<Webhook> change) {
        Optional<Webhook> after = find(id).map(change);
        after.ifPresent(this::save);
        return after;
    }

    @Override
    public synchronized void delete(String id) {
        webhooks.remove(id);
        attempts.remove(id);
    }

    @Override
    public synchronized void recordAttempt(DeliveryAttempt attempt) {
        List<DeliveryAttempt> kept = attempts.get(attempt.webhookId());
        if (kept != null) {
            kept.add(attempt);
            if (kept.size() > KEPT_ATTEMPTS) {
                kept.remove(0);
            }
        }
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(String webhookId) {
        List<DeliveryAttempt> newestFirst = new ArrayList<>(attempts.getOrDefault(webhookId, List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
