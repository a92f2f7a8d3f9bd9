package dev.regtrain.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands jobs to the queue's workers so that the jobs training at once never need more memory, by their estimates,
 * than the budget ({@code regtrain.limits.max-job-memory}): a job that does not fit beside the running ones waits,
 * still QUEUED, until enough of them have ended. A job is handed over only when a worker is free, so the memory
 * reserved is that of jobs that train. Jobs start in the order they came: one that waits holds back those behind it,
 * so that a large job is never passed over for ever by small ones.
 */
final class MemoryGate {

    private record Waiting(JobEntry entry, long bytes, Runnable runner) {
    }

    private final long budgetBytes;
    private final JobQueue queue;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private long reservedBytes;
    private int running;
    private boolean closed;

    MemoryGate(long budgetBytes, JobQueue queue) {
        this.budgetBytes = budgetBytes;
        this.queue = queue;
    }

    /**
     * Runs {@code runner} on a worker once {@code bytes} fit beside the jobs running (a job estimated beyond the whole
     * budget, accepted before the budget shrank, runs alone).
     */
    void submit(JobEntry entry, long bytes, Runnable runner) {
        synchronized (this) {
            waiting.add(new Waiting(entry, Math.min(Math.max(0, bytes), budgetBytes), runner));
        }
        dispatch();
    }

    /** Forgets a job that was cancelled while it waited. */
    void withdraw(JobEntry entry) {
        synchronized (this) {
            waiting.removeIf(w -> w.entry() == entry);
        }
        dispatch();
    }

    /** Stops handing jobs over and forgets the waiting ones (they stay QUEUED on disk for the next start). */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    synchronized void open() {
        closed = false;
    }

    /** The memory the jobs handed to workers reserved. */
    synchronized long reservedBytes() {
        return reservedBytes;
    }

    /** Jobs waiting for memory or a worker. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void dispatch() {
        List<Waiting> ready = new ArrayList<>();
        synchronized (this) {
            while (!closed && !waiting.isEmpty() && running < queue.workers()
                    && reservedBytes + waiting.peek().bytes() <= budgetBytes) {
                Waiting next = waiting.poll();
                reservedBytes += next.bytes();
                running++;
                ready.add(next);
            }
        }
        for (Waiting job : ready) {
            try {
                queue.execute(() -> {
                    try {
                        job.runner().run();
                    } finally {
                        release(job.bytes());
                    }
                });
            } catch (RejectedExecutionException e) {
                synchronized (this) { // the workers stopped meanwhile: the job stays QUEUED for the next start
                    reservedBytes -= job.bytes();
                    running--;
                }
            }
        }
    }

    private void release(long bytes) {
        synchronized (this) {
            reservedBytes -= bytes;
            running--;
        }
        dispatch();
    }
}
