package dev.regtrain.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the service writes it everywhere (checkpoint checksums, idempotency fingerprints and key file names):
 * lower-case hex. Every JVM has the algorithm (it is one the Java SE specification requires), so its absence is an
 * {@link IllegalStateException}.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, for content that arrives in pieces ({@link #hex(MessageDigest)} when it is all in). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The hex of {@code bytes}' SHA-256. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hex of what {@code digest} has been given (which resets it). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
