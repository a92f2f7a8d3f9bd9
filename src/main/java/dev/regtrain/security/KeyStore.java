package dev.regtrain.security;

import java.util.List;
import java.util.Optional;

/**
 * Where keys are kept (as hashes); the storage adapters implement it and {@code KeyStoreContract} holds every adapter
 * to the same behaviour.
 */
public interface KeyStore {

    /** Stores a new key; an existing key with the same id is replaced. */
    void save(ApiKey key);

    /**
     * Stores {@code key}, an admin key, only if the store holds no admin key, deciding that atomically for every
     * instance that shares the store (instances starting together on an empty store make one key, not one each);
     * false, and nothing stored, when an admin key exists.
     */
    boolean saveFirstAdmin(ApiKey key);

    /** The key whose SHA-256 is {@code sha256}, if one is stored (a revoked key is not). */
    Optional<ApiKey> findBySha256(String sha256);

    /** Every stored key, oldest first. */
    List<ApiKey> list();

    /** Removes a key; false when there was none with that id. From the next lookup on it is not found. */
    boolean delete(String id);
}
