package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.Owner;
import dev.regtrain.common.StorageException;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.security.ApiKey;
import dev.regtrain.security.KeyStore;
import dev.regtrain.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keys under {@code <data-dir>/keys/}, one checksummed file per key named by its id, holding the key's SHA-256 (never
 * the key); read once at start into an index by hash. A damaged file is reported and its key refused (it is not in
 * the index), which fails closed.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileKeyStore implements KeyStore {

    private static final Pattern ID = Pattern.compile("key_[A-Za-z0-9]{1,40}");

    /** A key as its file holds it. */
    record StoredKey(String id, String owner, String role, String name, Instant createdAt, String sha256) {

        static StoredKey of(ApiKey key) {
            return new StoredKey(key.id(), key.owner().name(), key.role().name(), key.name(), key.createdAt(),
                    key.sha256());
        }

        ApiKey key() {
            return new ApiKey(id, new Owner(owner), Role.valueOf(role), name, createdAt, sha256);
        }
    }

    private final Path root;
    private final Map<String, ApiKey> bySha256 = new ConcurrentHashMap<>();

    FileKeyStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "keys");
        for (StoredKey stored : StorageJson.readAll(root, file -> file.getFileName().toString().endsWith(".json")
                ? file : null, StoredKey.class, (file, problem) -> damage.report("key", file.getFileName().toString(),
                "its record is damaged: " + problem + "; the key is refused until it is created again"))) {
            try {
                ApiKey key = stored.key();
                bySha256.put(key.sha256(), key);
            } catch (RuntimeException e) {
                damage.report("key", stored.id() + ".json", "its record is incomplete; the key is refused");
            }
        }
    }

    private Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a key id");
        }
        return root.resolve(id + ".json");
    }

    @Override
    public synchronized void save(ApiKey key) {
        AtomicFiles.write(file(key.id()), ChecksummedJson.record(StoredKey.of(key)));
        bySha256.values().removeIf(k -> k.id().equals(key.id()));
        bySha256.put(key.sha256(), key);
    }

    /** One instance owns a data directory, so this adapter's lock is every instance's. */
    @Override
    public synchronized boolean saveFirstAdmin(ApiKey key) {
        if (bySha256.values().stream().anyMatch(ApiKey::admin)) {
            return false;
        }
        save(key);
        return true;
    }

    @Override
    public Optional<ApiKey> findBySha256(String sha256) {
        return Optional.ofNullable(bySha256.get(sha256));
    }

    @Override
    public List<ApiKey> list() {
        return bySha256.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new StorageException("cannot delete a key", e);
        }
        return bySha256.values().removeIf(k -> k.id().equals(id));
    }
}
