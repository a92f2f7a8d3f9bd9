package dev.regtrain.common;

/** A request that the resource's current state does not allow (cancel a finished job, delete a running one). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
