package dev.regtrain.security;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.Owner;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A key as stored: never the key itself, only the SHA-256 of its UTF-8 bytes.
 *
 * @param id the key's public id, for listing and revoking
 * @param owner whose resources the key works with
 * @param role what it may do
 * @param name what the key is for ("ci"), or null
 * @param createdAt when it was created
 * @param sha256 lower-case hex SHA-256 of the key
 */
public record ApiKey(String id, Owner owner, Role role, String name, Instant createdAt, String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    /** The longest name a key may have. */
    public static final int MAX_NAME = 100;

    public ApiKey {
        if (id == null || id.isBlank() || owner == null || role == null || createdAt == null) {
            throw new IllegalArgumentException("a key has an id, an owner, a role and a creation time");
        }
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a key's hash is 64 lower-case hex digits");
        }
        if (name != null && (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException("name", "must be at most " + MAX_NAME
                    + " characters without control characters");
        }
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
