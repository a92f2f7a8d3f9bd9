package dev.regtrain.security;

/** A key just created: the stored key and, this once, its secret text. */
public record NewKey(ApiKey key, String secret) {
}
