package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.webhooks.DeliveryAttempt;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Webhooks under {@code <data-dir>/webhooks/<id>/}: {@code webhook.json} (the subscription, its secret included: the
 * data directory is the service's own) and {@code attempts.json} (its latest attempts), both checksummed and written
 * atomically; read once at start into an index.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileWebhookStore implements WebhookStore {

    private static final String WEBHOOK = "webhook.json";
    private static final String ATTEMPTS = "attempts.json";

    private final Path root;
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final Map<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

    FileWebhookStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "webhooks");
        StorageJson.readAll(root, dir -> dir.resolve(WEBHOOK), Webhook.class, (file, problem) -> damage.report(
                "webhook", file.getParent().getFileName().toString(), "its record is damaged: " + problem))
                .forEach(w -> webhooks.put(w.id(), w));
        for (String id : webhooks.keySet()) {
            Path file = StorageJson.directory(root, id).resolve(ATTEMPTS);
            List<DeliveryAttempt> kept = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                try {
                    kept.addAll(Arrays.asList(ChecksummedJson.readRecord(AtomicFiles.read(file),
                            DeliveryAttempt[].class)));
                } catch (ChecksummedJson.Damaged e) {
                    damage.report("webhook", id, "its deliveries log is damaged (" + e.getMessage()
                            + ") and starts anew");
                }
            }
            attempts.put(id, kept);
        }
    }

    @Override
    public synchronized void save(Webhook webhook) {
        AtomicFiles.write(StorageJson.directory(root, webhook.id()).resolve(WEBHOOK),
                ChecksummedJson.record(webhook));
        webhooks.put(webhook.id(), webhook);
        attempts.putIfAbsent(webhook.id(), new ArrayList<>());
    }

    @Override
    public Optional<Webhook> find(String id) {
        StorageJson.directory(root, id);
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public List<Webhook> list() {
        return webhooks.values().stream().sorted(Comparator.comparing(Webhook::createdAt)
                .thenComparing(Webhook::id)).toList();
    }

    @Override
    public synchronized Optional<Webhook> update(String id, UnaryOperator<Webhook> change) {
        Optional<Webhook> current = find(id);
        Optional<Webhook> after = current.map(change);
        after.filter(changed -> !changed.equals(current.get())).ifPresent(this::save);
        return after;
    }

    @Override
    public synchronized void delete(String id) {
        Path directory = StorageJson.directory(root, id);
        webhooks.remove(id);
        attempts.remove(id);
        if (Files.exists(directory)) {
            AtomicFiles.deleteTree(directory);
        }
    }

    @Override
    public synchronized void recordAttempt(DeliveryAttempt attempt) {
        List<DeliveryAttempt> kept = attempts.get(attempt.webhookId());
        if (kept == null) {
            return;
        }
        List<DeliveryAttempt> next = new ArrayList<>(kept);
        next.add(attempt);
        if (next.size() > KEPT_ATTEMPTS) {
            next = new ArrayList<>(next.subList(next.size() - KEPT_ATTEMPTS, next.size()));
        }
        AtomicFiles.write(StorageJson.directory(root, attempt.webhookId()).resolve(ATTEMPTS),
                ChecksummedJson.record(next));
        attempts.put(attempt.webhookId(), next);
    }

    @Override
    public List<DeliveryAttempt> attempts(String webhookId) {
        List<DeliveryAttempt> kept = new ArrayList<>(attempts.getOrDefault(webhookId, List.of()));
        java.util.Collections.reverse(kept);
        return kept;
    }
}
