package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.common.StorageException;
import dev.regtrain.common.StorageFullException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running job's record, metrics and checkpoints up to date: one metrics row per epoch, a periodic checkpoint
 * every {@code everyEpochs} (pruned to {@code keepLast}, each with its epoch's monitored value), and the best
 * checkpoint. Checkpoints are written from the trainer's own buffers, copying nothing, and a state that is both best
 * and periodic is written once. The best is written at most every {@link #BEST_WRITE_INTERVAL_NANOS} (always with a
 * periodic checkpoint and when the job ends or is suspended): early in training the monitor improves almost every
 * epoch, and a checkpoint costs several fsyncs. An improvement within the interval is kept as a copy (its weights and
 * optimizer slots) until it is written. Nothing is lost by the delay: every checkpoint's state carries the best
 * weights so far, so a resumed job finds the same best again.
 */
final class CheckpointingListener implements TrainingListener {

    private static final Logger log = LoggerFactory.getLogger(CheckpointingListener.class);

    private final JobEntry entry;
    private final JobContext context;
    private final int everyEpochs;
    private final int keepLast;
    private final int trainingExamples;
    private final Monitor monitor;
    private BestValue best;
    private TrainingState unwrittenBest;
    /** Whether the epoch being reported improved on the best (onBest comes just before its onEpoch). */
    private boolean improved;
    private long lastBestWrite = System.nanoTime();

    /** Two seconds. */
    static final long BEST_WRITE_INTERVAL_NANOS = 2_000_000_000L;

    /**
     * With a shared store, how often the record of a running job is saved between checkpoints, for other instances
     * to show its progress (one second): saving it after every epoch cost a commit per epoch, as long as a small job's
     * epoch. Event streams on other instances follow the metrics rows ({@link #SHARED_ROWS_INTERVAL_NANOS}).
     */
    static final long SHARED_RECORD_INTERVAL_NANOS = 1_000_000_000L;

    private long lastRecordSave = System.nanoTime();

    /**
     * With a shared store, how long epochs' metrics rows may wait to be written together (a quarter of a second): a
     * row per commit cost a small job as much as its epoch. Rows are always written before a checkpoint, the job's
     * record and its end, so that a job resumed from a checkpoint finds every row up to it; rows after it that a
     * dead instance had not written are computed again, as those it had written are replaced.
     */
    static final long SHARED_ROWS_INTERVAL_NANOS = 250_000_000L;

    private final List<EpochMetrics> unwrittenRows = new ArrayList<>();
    private long lastRowsWrite = System.nanoTime();

    CheckpointingListener(JobEntry entry, JobContext context, JobRequest request, int trainingExamples,
                          Monitor monitor) {
        this.entry = entry;
        this.context = context;
        this.everyEpochs = request.checkpoints().everyEpochs();
        this.keepLast = request.checkpoints().keepLast();
        this.trainingExamples = trainingExamples;
        this.monitor = monitor;
        this.best = entry.record().best();
    }

    BestValue best() {
        return best;
    }

    @Override
    public void onBest(LiveState state) {
        TrainingState view = state.view();
        best = new BestValue(view.epoch(), monitor.label(), view.earlyStopping().best());
        unwrittenBest = null; // a newer best replaces one kept to be written
        improved = true;
    }

    /** Writes the best checkpoint if it changed since it was last written. */
    void writeBest() {
        if (unwrittenBest != null) {
            TrainingState kept = unwrittenBest;
            unwrittenBest = null;
            saveBest(List.of(CheckpointKind.BEST), kept);
        }
    }

    private void saveBest(List<CheckpointKind> roles, TrainingState state) {
        afterRows(() -> context.checkpoints().saveAs(entry.id(), roles, state, state.earlyStopping().best()));
        lastBestWrite = System.nanoTime();
    }

    @Override
    public void onEpoch(EpochMetrics row, LiveState state) {
        boolean newBest = improved;
        improved = false;
        unwrittenRows.add(row);
        if (!context.waitForStore() || System.nanoTime() - lastRowsWrite >= SHARED_ROWS_INTERVAL_NANOS) {
            writeRows();
        }
        BestValue current = best;
        entry.addEpoch(row, r -> r.afterEpoch(row, current, r.modelRef()));
        context.metrics().epochDone(entry.id(), trainingExamples, row.seconds());
        boolean due = System.nanoTime() - lastBestWrite >= BEST_WRITE_INTERVAL_NANOS;
        if (everyEpochs > 0 && row.epoch() % everyEpochs == 0 && Double.isFinite(row.trainLoss())) {
            if (newBest) { // one state, both roles, one write
                saveBest(List.of(CheckpointKind.BEST, CheckpointKind.PERIODIC), state.view());
            } else {
                writeBest();
                afterRows(() -> context.checkpoints().save(entry.id(), CheckpointKind.PERIODIC, state.view(),
                        monitor.valueOf(row)));
            }
            persistently(() -> context.checkpoints().prune(entry.id(), keepLast));
            saveRecord();
        } else {
            if (newBest && due) {
                saveBest(List.of(CheckpointKind.BEST), state.view());
            } else if (newBest) {
                unwrittenBest = state.copy();
            } else if (due) {
                writeBest();
            }
            // other instances show the job's progress from a shared store's record
            if (context.waitForStore() && System.nanoTime() - lastRecordSave >= SHARED_RECORD_INTERVAL_NANOS) {
                saveRecord();
            }
        }
    }

    /** Writes the epochs' rows not yet written, in one go. */
    void writeRows() {
        if (!unwrittenRows.isEmpty()) {
            persistently(() -> context.store().appendMetrics(entry.id(), unwrittenRows));
            unwrittenRows.clear();
        }
        lastRowsWrite = System.nanoTime();
    }

    /** A checkpoint or the record: the rows go first, so that whoever reads it finds every row up to it. */
    private void afterRows(Runnable write) {
        writeRows();
        persistently(write);
    }

    private void saveRecord() {
        afterRows(() -> context.store().save(entry.record()));
        lastRecordSave = System.nanoTime();
    }

    /**
     * Runs a write; with a shared store that cannot be reached (a database restarting), waits for it and tries again,
     * so that training pauses and continues instead of failing. A full store, a lost job, a cancel or a shutdown end
     * the wait.
     */
    private void persistently(Runnable write) {
        long backoffMillis = 250;
        while (true) {
            try {
                write.run();
                return;
            } catch (StorageException e) {
                if (!context.waitForStore() || e instanceof StorageFullException || entry.lost()
                        || entry.cancelRequested() || context.lifecycle().stopping()) {
                    throw e;
                }
                log.warn("job {}: {}; training waits for the store and tries again in {} ms", entry.id(),
                        e.getMessage(), backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMillis = Math.min(backoffMillis * 2, 4_000);
            }
        }
    }
}
