package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Followers of a job's events: a job that lives here is followed in memory; one that ended is read from the store
 * once; one that waits or trains on another instance (a shared store) is read from the store as it progresses.
 */
final class JobFollowing implements JobEvents {

    /** A cursor's status version meaning "the final status was sent": a job read from the store never changes. */
    static final long FINAL_SENT = -1;

    private final Map<String, JobEntry> live;
    private final SharedJobs shared;
    /** The caller's job in memory, or null; another owner's job is not found (404), like an unknown id. */
    private final Function<String, JobEntry> visibleEntry;
    private final Function<String, JobRecord> stored;
    private final Function<String, JobSnapshot> snapshot;

    /** @param shared null with the file store */
    JobFollowing(Map<String, JobEntry> live, SharedJobs shared, Function<String, JobEntry> visibleEntry,
                 Function<String, JobRecord> stored, Function<String, JobSnapshot> snapshot) {
        this.live = live;
        this.visibleEntry = visibleEntry;
        this.shared = shared;
        this.stored = stored;
        this.snapshot = snapshot;
    }

    @Override
    public Start follow(String jobId, int epochsAlreadySeen) {
        JobEntry entry = visibleEntry.apply(jobId);
        if (entry != null) {
            return entry.start(epochsAlreadySeen);
        }
        JobRecord record = stored.apply(jobId);
        if (shared != null && !record.status().isFinal()) {
            return shared.follow(record, epochsAlreadySeen);
        }
        return new Start(record, new Cursor(Math.max(0, epochsAlreadySeen), FINAL_SENT));
    }

    @Override
    public Batch next(String jobId, Cursor cursor, Duration timeout) throws InterruptedException {
        JobEntry entry = jobId == null ? null : live.get(jobId);
        if (entry != null) {
            return entry.awaitAfter(cursor, timeout);
        }
        if (shared != null && cursor.statusVersion() != FINAL_SENT) {
            return shared.next(jobId, cursor, timeout, FINAL_SENT); // it trains (or waits) elsewhere
        }
        // the job ended (and left memory) or was never here: everything after the cursor, and the end
        JobSnapshot now = snapshot.apply(jobId);
        List<EpochMetrics> rows = now.metrics();
        int from = Math.min(cursor.epochsSent(), rows.size());
        JobRecord status = cursor.statusVersion() == FINAL_SENT ? null : now.record();
        return new Batch(List.copyOf(rows.subList(from, rows.size())), status, true,
                new Cursor(rows.size(), FINAL_SENT));
    }
}
