package dev.regtrain.storage.file;

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
import org.springframework.stereotype.Component;

/**
 * Idempotency-Keys under {@code <data-dir>/idempotency/}, one file per key, named by the key's SHA-256; read once at
 * start into an index.
 */
@Component
class FileIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(FileIdempotencyStore.class);

    private final Path root;
    private final Map<String, IdempotencyRecord> index = new ConcurrentHashMap<>();

    FileIdempotencyStore(RegtrainProperties properties) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "idempotency");
        List<IdempotencyRecord> all = StorageJson.readAll(root,
                file -> file.getFileName().toString().endsWith(".json") ? file : null, IdempotencyRecord.class, log);
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
        AtomicFiles.write(file(record.scope(), record.key()), StorageJson.MAPPER.writeValueAsBytes(record));
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

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        List<IdempotencyRecord> old = index.values().stream().filter(r -> r.createdAt().isBefore(cutoff)).toList();
        old.forEach(r -> delete(r.scope(), r.key()));
        return old.size();
    }
}
