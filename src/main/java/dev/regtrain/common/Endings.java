package dev.regtrain.common;

/**
 * Told of a resource's end (a job, a study) in the same step as its final record is saved; the webhooks' outbox
 * implements it. {@link #save} writes what the end announces together with the final record: in one transaction when
 * the stores share one (PostgreSQL), else the announcement durably first, then the record, then the announcement is
 * released, and a crash in between is reconciled at the next start.
 *
 * @param <T> what the end is told with: the final record (and what else the announcement needs)
 */
@FunctionalInterface
public interface Endings<T> {

    /**
     * Saves the final record ({@code save} writes it) with the announcement of the end. When {@code save} throws,
     * nothing is announced and the exception is passed on, so that the caller can retry the whole step.
     *
     * @param ended the resource's final state, not yet saved
     */
    void save(T ended, Runnable save);

    /** Nobody listens: the record is saved alone. */
    static <T> Endings<T> none() {
        return (ended, save) -> save.run();
    }
}
