package dev.regtrain.common;

/**
 * Told of a resource's end (a job, a study) in the same step as its final record is saved; the webhooks' outbox
 * implements it. First {@link #ending} with the final record, which must record durably what the end announces; then
 * the record is saved; then the returned action runs, which lets the announcement go out. A crash between the two
 * leaves a durable announcement of a change the store may not have, which the implementation reconciles at the next
 * start.
 *
 * @param <T> what the end is told with: the final record (and what else the announcement needs)
 */
@FunctionalInterface
public interface Endings<T> {

    /** @param ended the resource's final state, before it is saved; returns what to run once it is saved */
    Runnable ending(T ended);

    /** Nobody listens. */
    static <T> Endings<T> none() {
        return ended -> () -> { };
    }
}
