package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live state of one job: its current record, its metrics rows, the cancel flag, and a condition that event
 * streams wait on. All changes go through the lock, so a reader always sees a record and rows that belong together.
 */
final class JobEntry {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<EpochMetrics> metrics = new ArrayList<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean holdsQueueSlot = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile JobRecord record;
    private long statusVersion;

    JobEntry(JobRecord record, List<EpochMetrics> rows) {
        this.record = record;
        this.metrics.addAll(rows);
    }

    JobRecord record() {
        return record;
    }

    String id() {
        return record.id();
    }

    /**
     * Applies a change to the record: the new record is persisted first, under the lock, and only then published,
     * so whatever a reader sees is on disk. A change of status wakes event streams with a new status event.
     */
    JobRecord update(UnaryOperator<JobRecord> change, Consumer<JobRecord> persist) {
        lock.lock();
        try {
            JobRecord before = record;
            JobRecord after = change.apply(before);
            if (after == before) {
                return before;
            }
            persist.accept(after);
            record = after;
            if (after.status() != before.status()) {
                statusVersion++;
            }
            changed.signalAll();
            return after;
        } finally {
            lock.unlock();
        }
    }

    /** Runs an action while no change can happen to this job. */
    void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** Appends an epoch's row and updates the record in one step. */
    void addEpoch(EpochMetrics row, UnaryOperator<JobRecord> change) {
        lock.lock();
        try {
            metrics.add(row);
            record = change.apply(record);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Replaces all rows (a resume from a checkpoint rewinds the history). */
    void resetMetrics(List<EpochMetrics> rows, UnaryOperator<JobRecord> change) {
        lock.lock();
        try {
            metrics.clear();
            metrics.addAll(rows);
            record = change.apply(record);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The record and the rows as one consistent pair (an epoch that ends meanwhile is in both or in neither). */
    JobSnapshot snapshot() {
        lock.lock();
        try {
            return new JobSnapshot(record, List.copyOf(metrics));
        } finally {
            lock.unlock();
        }
    }

    List<EpochMetrics> metrics() {
        lock.lock();
        try {
            return List.copyOf(metrics);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until there is something after {@code cursor} or the timeout passes, and returns it: new rows in order,
     * then the current record if its status changed (or the job ended).
     */
    JobEvents.Batch awaitAfter(JobEvents.Cursor cursor, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (metrics.size() <= cursor.epochsSent() && statusVersion == cursor.statusVersion()
                    && !record.status().isFinal() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            int from = Math.min(cursor.epochsSent(), metrics.size());
            List<EpochMetrics> rows = List.copyOf(metrics.subList(from, metrics.size()));
            boolean statusChanged = statusVersion != cursor.statusVersion();
            return new JobEvents.Batch(rows, statusChanged ? record : null, record.status().isFinal(),
                    new JobEvents.Cursor(metrics.size(), statusVersion));
        } finally {
            lock.unlock();
        }
    }

    /** The current record and a cursor positioned after {@code epochsAlreadySeen} rows and the current status. */
    JobEvents.Start start(int epochsAlreadySeen) {
        lock.lock();
        try {
            return new JobEvents.Start(record, new JobEvents.Cursor(Math.max(0, epochsAlreadySeen), statusVersion));
        } finally {
            lock.unlock();
        }
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void requestCancel() {
        cancelRequested.set(true);
    }

    /** Whether this instance lost the job to another (its lease): it stops and writes nothing more of it. */
    boolean lost() {
        return lost.get();
    }

    void markLost() {
        lost.set(true);
    }

    /** Marks that the job holds one of the queue's slots. */
    void takeQueueSlot() {
        holdsQueueSlot.set(true);
    }

    /** True exactly once after {@link #takeQueueSlot()}: whoever gets true gives the slot back. */
    boolean giveUpQueueSlot() {
        return holdsQueueSlot.getAndSet(false);
    }
}
