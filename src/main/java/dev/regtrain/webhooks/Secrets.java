package dev.regtrain.webhooks;

import dev.regtrain.common.InvalidRequestException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook secrets as Standard Webhooks libraries expect them: {@code whsec_} followed by the base64 of the HMAC key,
 * which is 24 to 64 random bytes.
 */
public final class Secrets {

    public static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    private static final int GENERATED_KEY_BYTES = 32;

    private Secrets() {
    }

    static String generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret (the bytes its base64 part encodes). */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new InvalidRequestException("secret", "must start with '" + PREFIX + "' followed by the base64 of "
                    + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " random bytes, or be null to have one generated");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("secret", "the part after '" + PREFIX + "' is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new InvalidRequestException("secret", "must encode " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes; it encodes " + key.length);
        }
        return key;
    }
}
