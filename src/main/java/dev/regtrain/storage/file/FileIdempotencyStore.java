package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.Sha256;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.idempotency.IdempotencyRecord;
import dev.regtrain.idempotency.IdempotencyStore;
import java.io.IOException;
import dev.regtrain.common.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Keys under {@code <data-dir>/idempotency/}, one checksummed file per key, named by the key's SHA-256;
 * read once at start into an index. A file that is damaged is remembered by its name: its key is refused from then
 * on (its first request may have created a resource, which a second one would create again) until it expires.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(FileIdempotencyStore.class);

    private final Path root;
    private final Map<String, IdempotencyRecord> index = new ConcurrentHashMap<>();
    /** File names of damaged records and what is wrong with them. */
    private final Map<String, String> damaged = new ConcurrentHashMap<>();
    private final DamageLog damage;

    FileIdempotencyStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "idempotency");
        this.damage = damage;
        List<IdempotencyRecord> all = StorageJson.readAll(root,
                file -> file.getFileName().toString().endsWith(".json") ? file : null, IdempotencyRecord.class,
                (file, problem) -> {
                    damaged.put(file.getFileName().toString(), problem);
                    damage.report("idempotency-key", file.getFileName().toString(), "its record is damaged: " + problem
                            + "; requests with its key are refused so that nothing is created twice");
                });
        all.forEach(r -> index.put(id(r.scope(), r.key()), r));
    }

    private static String id(String scope, String key) {
        return scope + "\n" + key;
    }

    private Path file(String scope, String key) {
        return root.resolve(scope + "-" + Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        String problem = damaged.get(file(scope, key).getFileName().toString());
        if (problem != null) {
            throw new DamagedDataException("the stored record of Idempotency-Key '" + key + "' is damaged ("
                    + problem + "); its first request may have created its resource, so this one is not handled: "
                    + "look for that resource in the list, and send the request with a new key if it is not there");
        }
        return Optional.ofNullable(index.get(id(scope, key)));
    }

    @Override
    public synchronized boolean claim(IdempotencyRecord record) {
        if (index.containsKey(id(record.scope(), record.key()))) {
            return false;
        }
        save(record);
        return true;
    }

    @Override
    public synchronized void save(IdempotencyRecord record) {
        AtomicFiles.write(file(record.scope(), record.key()), ChecksummedJson.record(record));
        index.put(id(record.scope(), record.key()), record);
    }

    @Override
    public synchronized void delete(String scope, String key) {
        try {
            Files.deleteIfExists(file(scope, key));
        } catch (IOException e) {
            throw new StorageException("cannot delete an idempotency record", e);
        }
        index.remove(id(scope, key));
    }

    /** A damaged record whose file is older than the retention is forgotten with its key. */
    private void purgeDamagedBefore(Instant cutoff) {
        for (String name : List.copyOf(damaged.keySet())) {
            Path file = root.resolve(name);
            try {
                if (!Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    damaged.remove(name);
                    damage.forget("idempotency-key", name);
                }
            } catch (IOException e) {
                log.warn("a damaged idempotency record could not be removed: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        purgeDamagedBefore(cutoff);
        List<IdempotencyRecord> old = index.values().stream().filter(r -> r.createdAt().isBefore(cutoff)).toList();
        old.forEach(r -> delete(r.scope(), r.key()));
        return old.size();
    }
}
