package dev.regtrain.engine.state;

/** Serialised state that is torn, corrupt, from an unknown format version, or beyond the limits. */
public final class CorruptStateException extends RuntimeException {

    public CorruptStateException(String message) {
        super(message);
    }
}
