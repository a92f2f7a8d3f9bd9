package dev.regtrain.common;

/** A job, dataset or checkpoint that does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
