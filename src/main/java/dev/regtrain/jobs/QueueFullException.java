package dev.regtrain.jobs;

import java.time.Duration;

/** The queue is at capacity; nothing was created. */
public class QueueFullException extends RuntimeException {

    private final Duration retryAfter;

    public QueueFullException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
