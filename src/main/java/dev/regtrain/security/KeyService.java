package dev.regtrain.security;

import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import dev.regtrain.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys: created with 32 random bytes ({@code rtk_} + base64url), kept only as their SHA-256, found by the hash of
 * what a request presents. A revoked key is gone from the store, so the next request with it is refused.
 */
public class KeyService {

    private static final Logger AUDIT = LoggerFactory.getLogger("dev.regtrain.audit");
    static final String PREFIX = "rtk_";

    private final KeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public KeyService(KeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a key; its secret is in the answer only. */
    public NewKey create(Owner owner, Role role, String name, Owner createdBy) {
        NewKey created = newKey(owner, role, name);
        store.save(created.key());
        audit(created.key(), createdBy);
        return created;
    }

    private NewKey newKey(Owner owner, Role role, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey("key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), owner, role,
                name, clock.instant(), sha256(secret));
        return new NewKey(key, secret);
    }

    private static void audit(ApiKey key, Owner createdBy) {
        AUDIT.info("action=key.create owner={} resource=key id={} keyOwner={} role={}", createdBy, key.id(),
                key.owner(), key.role().name().toLowerCase(java.util.Locale.ROOT));
    }

    public List<ApiKey> list() {
        return store.list();
    }

    /** Revokes a key: from the next request on it is refused. */
    public void revoke(String id, Owner revokedBy) {
        if (!store.delete(id)) {
            throw new NotFoundException("no key with id '" + id + "'");
        }
        AUDIT.info("action=key.revoke owner={} resource=key id={}", revokedBy, id);
    }

    /** The stored key a request's secret stands for, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        return store.findBySha256(sha256(secret));
    }

    /**
     * Makes sure an admin can get in: a key whose hash the operator configured, or, when the store holds no admin
     * key, a generated one (one among instances that start together on an empty shared store); returns the secret of a generated key (to print once), else empty.
     */
    public Optional<String> bootstrap(String configuredSha256) {
        if (configuredSha256 != null) {
            if (store.findBySha256(configuredSha256).isEmpty()) {
                store.save(new ApiKey("key_bootstrap", new Owner("admin"), Role.ADMIN, "bootstrap", clock.instant(),
                        configuredSha256));
            }
            return Optional.empty();
        }
        Owner admin = new Owner("admin");
        NewKey generated = newKey(admin, Role.ADMIN, "bootstrap");
        if (!store.saveFirstAdmin(generated.key())) {
            return Optional.empty();
        }
        audit(generated.key(), admin);
        return Optional.of(generated.secret());
    }

    public static String sha256(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
