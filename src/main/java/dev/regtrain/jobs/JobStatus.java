package dev.regtrain.jobs;

/** A job's lifecycle: QUEUED → RUNNING → one of the final states, which never change. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
