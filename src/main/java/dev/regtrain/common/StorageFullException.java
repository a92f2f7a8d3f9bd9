package dev.regtrain.common;

/** The store has no room left (the data directory's file system is full, or a quota is reached). */
public class StorageFullException extends StorageException {

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
