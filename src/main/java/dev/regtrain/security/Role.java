package dev.regtrain.security;

/** What a key may do: {@code user} works with its owner's resources, {@code admin} with everyone's and with keys. */
public enum Role {
    USER,
    ADMIN
}
