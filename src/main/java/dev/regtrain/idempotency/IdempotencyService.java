package dev.regtrain.idempotency;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.config.RegtrainProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Idempotency-Key bookkeeping (Stripe's rules): a key is claimed before the resource is created, with that
 * resource's id chosen in advance, and completed with the response. Keys are stored, so they survive a restart;
 * a claim left unanswered by a crash is resolved by the caller from whether its resource exists.
 */
@Service
public class IdempotencyService {

    /** What to do with a request that carries a key. */
    public sealed interface Claim {
        /** A new key: create the resource with this id, then {@link #complete}. */
        record Proceed(String resourceId) implements Claim {
        }

        /** The same request was answered before: give this response again. */
        record Replay(IdempotencyRecord record) implements Claim {
        }

        /** The service stopped before it answered the first request: its resource may or may not exist. */
        record Unanswered(IdempotencyRecord record) implements Claim {
        }
    }

    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Instant lastPurge = Instant.MIN;

    public IdempotencyService(IdempotencyStore store, Clock clock, RegtrainProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retention = properties.idempotencyRetention();
    }

    private static String id(String scope, String key) {
        return scope + "\n" + key;
    }

    /** The record of a key, if it is remembered and not expired. */
    public synchronized Optional<IdempotencyRecord> find(String scope, String key) {
        check(key);
        purgeExpired();
        Optional<IdempotencyRecord> found = store.find(scope, key);
        if (found.isPresent() && expired(found.get())) {
            store.delete(scope, key);
            return Optional.empty();
        }
        return found;
    }

    /**
     * Claims a key for a request with the given fingerprint (null when it is only known after the body is read).
     *
     * @throws IdempotencyMismatchException the key was used with a different request (422)
     * @throws ConflictException the first request with this key is still being handled (409)
     */
    public synchronized Claim claim(String scope, String key, String fingerprint) {
        IdempotencyRecord existing = find(scope, key).orElse(null);
        String id = id(scope, key);
        if (existing == null) {
            IdempotencyRecord claimed = new IdempotencyRecord(scope, key, fingerprint, UUID.randomUUID().toString(),
                    false, 0, null, null, clock.instant());
            if (store.claim(claimed)) {
                inFlight.add(id);
                return new Claim.Proceed(claimed.resourceId());
            }
            existing = store.find(scope, key).orElseThrow();
        }
        if (fingerprint != null && existing.fingerprint() != null && !existing.fingerprint().equals(fingerprint)) {
            throw new IdempotencyMismatchException("Idempotency-Key '" + key + "' was used with a different request");
        }
        if (!existing.completed()) {
            if (inFlight.contains(id)) {
                throw new ConflictException("the first request with Idempotency-Key '" + key
                        + "' is still being handled; retry when it has been answered");
            }
            inFlight.add(id);
            return new Claim.Unanswered(existing);
        }
        return new Claim.Replay(existing);
    }

    /** Records the response to give again for this key. */
    public synchronized void complete(String scope, String key, String fingerprint, int status, String location,
                                      String body) {
        store.find(scope, key).ifPresent(claimed ->
                store.save(claimed.completedWith(fingerprint, status, location, body)));
        inFlight.remove(id(scope, key));
    }

    /** Forgets a claim whose request failed, so that the key can be used again. */
    public synchronized void abandon(String scope, String key) {
        inFlight.remove(id(scope, key));
        store.delete(scope, key);
    }

    private boolean expired(IdempotencyRecord record) {
        return record.createdAt().isBefore(clock.instant().minus(retention))
                && !inFlight.contains(id(record.scope(), record.key()));
    }

    /** Forgets expired keys in bulk, at most once a minute (a key is also checked whenever it is looked up). */
    private void purgeExpired() {
        Instant now = clock.instant();
        if (lastPurge.isBefore(now.minus(PURGE_INTERVAL)) && inFlight.isEmpty()) {
            lastPurge = now;
            store.deleteCreatedBefore(now.minus(retention));
        }
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters");
        }
    }
}
