package dev.regtrain.security;

/**
 * How the service learns who calls ({@code regtrain.security.mode}): the one list of modes, read by the settings, the
 * filter chain and the documentation.
 */
public enum SecurityMode {
    /** No keys: everyone is the local caller, so the service only answers on loopback (see SecurityProperties). */
    NONE,
    /** Every {@code /api/v1} request needs {@code Authorization: Bearer <key>}. */
    API_KEY
}
