package dev.regtrain.jobs;

/**
 * Told of every job's end in the same step as its final record is saved (the webhooks' outbox implements it): first
 * {@link #ending} with the final record, which must record durably what the end announces; then the record is saved;
 * then the returned action runs, which lets the announcement go out. A crash between the two leaves a durable
 * announcement of a change the store may not have, which its implementation reconciles at the next start.
 */
@FunctionalInterface
public interface JobEndings {

    /** Nobody listens. */
    JobEndings NONE = ended -> () -> { };

    /** @param ended the job's final record and its metrics rows, before the record is saved */
    Runnable ending(JobSnapshot ended);
}
