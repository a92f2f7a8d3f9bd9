package dev.regtrain.idempotency;

/** An Idempotency-Key reused with a different request. */
public class IdempotencyMismatchException extends RuntimeException {

    public IdempotencyMismatchException(String message) {
        super(message);
    }
}
