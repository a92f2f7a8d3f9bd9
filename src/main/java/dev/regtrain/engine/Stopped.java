package dev.regtrain.engine;

/** A computation was told to stop before it ended (its caller's time or its client ran out); nothing is returned. */
public final class Stopped extends RuntimeException {

    public Stopped() {
        super("stopped before the end", null, false, false);
    }
}
