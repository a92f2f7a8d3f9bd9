package dev.regtrain.jobs;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.StorageException;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.TrainingState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of an instance that shares its store with others ({@link JobCoordination#shared()}). A submitted job waits in
 * the store; every instance claims jobs while it has an idle worker (woken by the coordination's notifications, and
 * polling once a second), so the jobs of a study spread over the instances. A claimed job that was RUNNING belonged to
 * an instance that died or stopped: it is rewound to its last checkpoint and resumed, exactly as after a restart. A job
 * that trains elsewhere is read from the store: its events are followed there and a cancel is passed on.
 */
final class SharedJobs implements JobCoordination.Listener {

    private static final Logger log = LoggerFactory.getLogger(SharedJobs.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobCoordination coordination;
    private final Map<String, JobEntry> live;
    private final JobContext context;
    private final MemoryGate memory;
    private final JobRecovery recovery;
    private final int workers;
    private final Clock clock;
    private final Consumer<JobRecord> endedElsewhere;
    private final AtomicInteger busy = new AtomicInteger();
    private final Object wake = new Object();
    private volatile Thread claimer;

    /**
     * @param endedElsewhere told of jobs that ended on other instances
     * @param memory hands claimed jobs to the workers within the memory budget
     * @param recovery rewinds and resumes a claimed job that was RUNNING
     */
    SharedJobs(JobCoordination coordination, Map<String, JobEntry> live, JobContext context, int workers, Clock clock,
               Consumer<JobRecord> endedElsewhere, MemoryGate memory, JobRecovery recovery) {
        this.memory = memory;
        this.recovery = recovery;
        this.endedElsewhere = endedElsewhere;
        this.coordination = coordination;
        this.live = live;
        this.context = context;
        this.workers = workers;
        this.clock = clock;
    }

    void start() {
        coordination.start(this);
        Thread thread = new Thread(this::claimWhileRunning, "regtrain-claimer");
        thread.setDaemon(true);
        claimer = thread;
        thread.start();
    }

    /** After the workers stopped: stops claiming and gives back the jobs suspended here, to be resumed elsewhere. */
    void stop() {
        Thread thread = claimer;
        claimer = null;
        if (thread != null) {
            thread.interrupt();
        }
        coordination.stop();
    }

    private void claimWhileRunning() {
        while (claimer == Thread.currentThread()) {
            try {
                int free = workers - busy.get();
                if (free > 0 && !context.lifecycle().stopping()) {
                    coordination.claim(free).forEach(this::run);
                }
                synchronized (wake) {
                    wake.wait(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("claiming jobs failed; trying again: {}", e.getMessage());
            }
        }
    }

    /** Trains a job this instance just claimed. */
    private void run(String id) {
        JobRecord record;
        try {
            record = context.store().find(id).orElse(null);
        } catch (RuntimeException e) {
            record = null;
        }
        if (record == null || record.status().isFinal()) {
            coordination.release(id);
            return;
        }
        JobEntry entry = new JobEntry(record, context.store().loadMetrics(id));
        live.put(id, entry);
        busy.incrementAndGet();
        try {
            long bytes = recovery.memoryOf(record);
            if (record.status() == JobStatus.RUNNING) {
                String ref = recovery.rewind(entry);
                log.info("job {} was left by another instance; it resumes here from {}", id,
                        ref == null ? "its beginning" : "its checkpoint " + ref);
                memory.submit(entry, bytes, () -> ran(entry, () -> recovery.continueFrom(entry, ref)));
            } else {
                memory.submit(entry, bytes, () -> ran(entry, new JobRunner(entry, context, null, false)));
            }
        } catch (RuntimeException e) {
            live.remove(id, entry);
            busy.decrementAndGet();
            coordination.release(id);
            throw e;
        }
    }

    private void ran(JobEntry entry, Runnable run) {
        try {
            run.run();
        } finally {
            afterRun(entry);
        }
    }

    private void afterRun(JobEntry entry) {
        busy.decrementAndGet();
        if (entry.lost()) {
            live.remove(entry.id(), entry);
            coordination.release(entry.id());
        }
        workAvailable();
    }

    /** A job that ended here gives its lease back. */
    void released(String jobId) {
        coordination.release(jobId);
        workAvailable();
    }

    @Override
    public void cancelRequested(String jobId) {
        JobEntry entry = live.get(jobId);
        if (entry != null) {
            entry.requestCancel();
        }
    }

    @Override
    public void lost(String jobId) {
        JobEntry entry = live.get(jobId);
        if (entry != null) {
            log.warn("job {}: this instance lost its lease; it stops training the job", jobId);
            entry.markLost();
        }
    }

    /** A job that ended on another instance is told to this one's end listeners (its study may live here). */
    @Override
    public void ended(String jobId) {
        if (!live.containsKey(jobId)) {
            try {
                context.store().find(jobId).filter(r -> r.status().isFinal()).ifPresent(endedElsewhere);
            } catch (RuntimeException e) {
                log.debug("job {} ended elsewhere but cannot be read now: {}", jobId, e.getMessage());
            }
        }
    }

    @Override
    public void workAvailable() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** A cancel of a job this instance does not train: at once if nobody claimed it, else by its instance. */
    JobRecord cancelElsewhere(JobRecord stored) {
        if (stored.status().isFinal()) {
            throw new ConflictException("job " + stored.id() + " is already " + stored.status());
        }
        JobRecord cancelled = stored.finished(JobStatus.CANCELLED, clock.instant(),
                new JobStop(StopReasonCode.CANCELLED, 0, null, false, "cancelled while queued"), null, null);
        return coordination.cancelElsewhere(stored.id(), cancelled) ? cancelled : stored;
    }

    /** Where a follower of a job that trains elsewhere (or waits) starts: its status is counted by its history. */
    JobEvents.Start follow(JobRecord stored, int epochsAlreadySeen) {
        return new JobEvents.Start(stored, new JobEvents.Cursor(Math.max(0, epochsAlreadySeen),
                stored.history().size()));
    }

    /** What happened after the cursor to a job that trains elsewhere, waiting for it up to {@code timeout}. */
    JobEvents.Batch next(String jobId, JobEvents.Cursor cursor, Duration timeout, long finalSent)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobRecord record = context.store().find(jobId).orElseThrow(() -> new StorageException("job " + jobId
                    + " is gone", null));
            List<EpochMetrics> rows = context.store().loadMetrics(jobId);
            boolean changed = record.history().size() != cursor.statusVersion();
            long left = deadline - System.nanoTime();
            if (rows.size() > cursor.epochsSent() || changed || record.status().isFinal() || left <= 0) {
                int from = Math.min(cursor.epochsSent(), rows.size());
                boolean ended = record.status().isFinal();
                return new JobEvents.Batch(List.copyOf(rows.subList(from, rows.size())), changed ? record : null,
                        ended, new JobEvents.Cursor(rows.size(), ended ? finalSent : record.history().size()));
            }
            coordination.awaitProgress(jobId, Duration.ofNanos(Math.min(left, POLL.toNanos())));
        }
    }
}
