package dev.regtrain.data;

/**
 * A dataset that cannot be built from what the client sent. Every subclass carries a machine-usable detail (the
 * parameter, the line, the limit) and a plain-English message that names the offending value; messages never hold
 * class names, stack traces or file paths, so they can go to the client as they are.
 */
public abstract class DatasetException extends RuntimeException {

    DatasetException(String message) {
        super(message);
    }
}
