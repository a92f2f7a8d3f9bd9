package dev.regtrain.webhooks;

/** A webhook receives events while ACTIVE; a 410 or too many failures in a row make it DISABLED for good. */
public enum WebhookStatus {
    ACTIVE,
    DISABLED
}
