package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import java.time.Duration;
import java.util.List;

/** Follows a job's events: its status first, then each epoch's row in order, and the final status. */
public interface JobEvents {

    /** How far a follower has got: rows already sent and the status version last sent. */
    record Cursor(int epochsSent, long statusVersion) {
    }

    /** Where a follower starts: the current record (to send first) and its cursor. */
    record Start(JobRecord current, Cursor cursor) {
    }

    /**
     * What happened after a cursor.
     *
     * @param status the record, when its status changed since the cursor; else null
     * @param finished whether the job is in a final state (nothing more will come after these rows and status)
     */
    record Batch(List<EpochMetrics> epochs, JobRecord status, boolean finished, Cursor next) {
    }

    /** Starts following a job, replaying rows after the first {@code epochsAlreadySeen}. */
    Start follow(String jobId, int epochsAlreadySeen);

    /** Waits up to {@code timeout} for anything after the cursor. */
    Batch next(String jobId, Cursor cursor, Duration timeout) throws InterruptedException;
}
