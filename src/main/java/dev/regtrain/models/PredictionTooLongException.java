package dev.regtrain.models;

/** A prediction was stopped by its time limit: nothing was answered, and nothing computes on. */
public class PredictionTooLongException extends RuntimeException {

    public PredictionTooLongException(String message) {
        super(message);
    }
}
