package dev.regtrain.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the instances that share one store share its jobs; the PostgreSQL store implements it with row locks
 * ({@code FOR UPDATE SKIP LOCKED}), leases renewed by heartbeat, fencing tokens and {@code LISTEN/NOTIFY}. With the file
 * store there is one instance ({@link #LOCAL}): it trains every job it accepts, and nothing is shared.
 */
public interface JobCoordination {

    /** One instance, nothing shared: every method is trivial. */
    JobCoordination LOCAL = new JobCoordination() {
    };

    /** What the coordination tells this instance's job service. */
    interface Listener {

        /** Another instance asked to cancel a job this instance trains. */
        void cancelRequested(String jobId);

        /** This instance lost a job's lease: it must stop the job and write nothing more of it. */
        void lost(String jobId);

        /** There may be jobs to claim (one was submitted, or an instance released or lost some). */
        void workAvailable();

        /** A job ended (on any instance). */
        void ended(String jobId);
    }

    /** One instance as {@code GET /api/v1/cluster} lists it. */
    record Instance(String id, String url, boolean alive, Instant lastHeartbeat, int workers, List<String> jobs) {
    }

    /** The instances sharing the store, this one first. */
    record View(String self, List<Instance> instances) {

        /** One instance alone, training those of {@code jobs} that are RUNNING. */
        static View alone(InstanceAddress address, int workers, Instant now, Stream<JobRecord> jobs) {
            List<String> running = jobs.filter(j -> j.status() == JobStatus.RUNNING).map(JobRecord::id).sorted()
                    .toList();
            return new View(address.id(), List.of(new Instance(address.id(), address.url(), true, now, workers,
                    running)));
        }
    }

    /** Whether jobs are shared with other instances: then a submitted job waits in the store until one claims it. */
    default boolean shared() {
        return false;
    }

    /** Starts the heartbeat and the notifications; {@code listener} hears what concerns this instance. */
    default void start(Listener listener) {
    }

    /** Stops heartbeating and gives back the leases of the jobs still held (they are resumed elsewhere). */
    default void stop() {
    }

    /**
     * Claims up to {@code max} jobs that no live instance trains, oldest first: queued ones, and those whose instance
     * stopped renewing its lease. Each comes back with this instance's new fencing token held for its writes.
     */
    default List<String> claim(int max) {
        return List.of();
    }

    /** Gives a job back (it ended here). */
    default void release(String jobId) {
    }

    /** Tells every instance that a job was submitted. */
    default void announceWork() {
    }

    /**
     * Cancels a job that this instance does not train: a queued one nobody has claimed is replaced by {@code cancelled}
     * at once (true); one that trains elsewhere is asked to stop by its instance (false).
     */
    default boolean cancelElsewhere(String jobId, JobRecord cancelled) {
        return false;
    }

    /** Waits until a job trained elsewhere may have progressed (a new epoch, a new status), at most {@code timeout}. */
    default void awaitProgress(String jobId, Duration timeout) throws InterruptedException {
        Thread.sleep(timeout.toMillis());
    }

    /**
     * The instances and the jobs each trains. Alone: this instance ({@code self}, its {@code workers}) and the jobs it
     * holds ({@code here}); a shared store lists every instance from the store instead.
     */
    default View view(InstanceAddress self, int workers, Instant now, Stream<JobRecord> here) {
        return View.alone(self, workers, now, here);
    }
}
