package dev.regtrain.data;

/**
 * Stored dataset bytes that are torn, corrupt, from an unknown format version or beyond the limits. This is not a
 * {@link DatasetException}: the bytes come from the service's own storage, so it is a server fault, not a client's.
 */
public final class CorruptDatasetException extends RuntimeException {

    public CorruptDatasetException(String message) {
        super(message);
    }
}
