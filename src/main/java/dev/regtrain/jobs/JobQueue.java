package dev.regtrain.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fixed pool of training workers behind a bounded waiting line. A job takes a slot when it is admitted and gives
 * it back when it starts running or is cancelled while waiting, so at most {@code capacity} new jobs are admitted;
 * jobs that were already accepted before a restart are counted even beyond a capacity lowered since.
 */
public final class JobQueue {

    private final AtomicInteger waiting = new AtomicInteger();
    private final int capacity;
    private final int workerCount;
    private final IntFunction<ExecutorService> pools;
    private volatile ExecutorService workers;

    /** A queue whose workers are {@code workerCount} daemon threads. */
    public JobQueue(int workerCount, int capacity) {
        this(workerCount, capacity, JobQueue::threads);
    }

    /** @param pools makes the pool of {@code workerCount} workers at every (re)start */
    public JobQueue(int workerCount, int capacity, IntFunction<ExecutorService> pools) {
        this.capacity = capacity;
        this.workerCount = workerCount;
        this.pools = pools;
    }

    private static ExecutorService threads(int count) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(count, count, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "regtrain-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts (or restarts, after {@link #shutdown()}) the workers with every waiting slot free. */
    synchronized void start() {
        if (workers == null || workers.isShutdown()) {
            waiting.set(0);
            workers = pools.apply(workerCount);
        }
    }

    /** Takes a waiting slot if one is free. */
    boolean tryAdmit() {
        int now = waiting.get();
        while (now < capacity) {
            if (waiting.compareAndSet(now, now + 1)) {
                return true;
            }
            now = waiting.get();
        }
        return false;
    }

    /** Takes a slot whatever the capacity: for a job accepted before a restart, which keeps its place. */
    void admitAccepted() {
        waiting.incrementAndGet();
    }

    /** Gives a waiting slot back. */
    void leave() {
        waiting.decrementAndGet();
    }

    /** The number of training threads. */
    int workers() {
        return workerCount;
    }

    /** How many jobs may wait (regtrain.queue-capacity). */
    int capacity() {
        return capacity;
    }

    /** Jobs admitted and not yet running. */
    public int waiting() {
        return waiting.get();
    }

    void execute(Runnable job) {
        workers.execute(job);
    }

    /**
     * Stops taking work without interrupting anyone: waiting runners return at once (the service is stopping) and
     * running jobs are told to stop by their owners, so that checkpoint writes are never interrupted.
     */
    void shutdown() {
        workers.shutdown();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
