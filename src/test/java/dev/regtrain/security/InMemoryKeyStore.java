package dev.regtrain.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The key store in memory, for tests of what uses keys. */
public class InMemoryKeyStore implements KeyStore {

    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(ApiKey key) {
        byId.put(key.id(), key);
    }

    @Override
    public synchronized boolean saveFirstAdmin(ApiKey key) {
        if (byId.values().stream().anyMatch(ApiKey::admin)) {
            return false;
        }
        save(key);
        return true;
    }

    @Override
    public Optional<ApiKey> findBySha256(String sha256) {
        return byId.values().stream().filter(k -> k.sha256().equals(sha256)).findFirst();
    }

    @Override
    public List<ApiKey> list() {
        return byId.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    @Override
    public boolean delete(String id) {
        return byId.remove(id) != null;
    }
}
