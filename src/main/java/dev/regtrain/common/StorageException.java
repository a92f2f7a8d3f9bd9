package dev.regtrain.common;

/**
 * The store could not keep or read something: the operation did not happen, and the caller may retry later. The
 * message says what, without paths.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
