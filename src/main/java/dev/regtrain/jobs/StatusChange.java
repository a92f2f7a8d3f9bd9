package dev.regtrain.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's status history: the status it entered and when.
 *
 * @param detail why, when the status alone does not say (a resume after a restart); else null
 */
public record StatusChange(JobStatus status, Instant at, String detail) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public static StatusChange of(JobStatus status, Instant at) {
        return new StatusChange(status, at, null);
    }
}
