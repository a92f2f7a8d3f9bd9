package dev.regtrain.idempotency;

import java.time.Instant;

/**
 * What a request with an Idempotency-Key did: the resource it creates (its id is chosen before it is created) and,
 * once answered, the response to give again.
 *
 * @param scope {@code jobs} or {@code datasets}
 * @param fingerprint SHA-256 of the request (canonical JSON, or query and CSV body); null while not known yet
 * @param body the first response's body, replayed byte for byte
 */
public record IdempotencyRecord(String scope, String key, String fingerprint, String resourceId, boolean completed,
                                int status, String location, String body, Instant createdAt) {

    IdempotencyRecord completedWith(String newFingerprint, int newStatus, String newLocation, String newBody) {
        return new IdempotencyRecord(scope, key, newFingerprint, resourceId, true, newStatus, newLocation, newBody,
                createdAt);
    }
}
