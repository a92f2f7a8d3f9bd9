package dev.regtrain.common;

/**
 * The port through which features learn who is calling: the security feature answers from the request's key; a
 * service without keys, and work done outside a request (a worker, a webhook delivery), answer {@link Caller#LOCAL}.
 */
@FunctionalInterface
public interface Callers {

    /** The caller of the request on this thread, or {@link Caller#LOCAL} outside a request. */
    Caller current();
}
