package dev.regtrain.jobs;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of training workers behind a bounded waiting line. A job takes a slot when it is admitted and gives
 * it back when it starts running or is cancelled while waiting, so at most {@code capacity} jobs ever wait.
 */
final class JobQueue {

    private final Semaphore slots;
    private final int capacity;
    private final int workerCount;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile ThreadPoolExecutor workers;

    JobQueue(int workerCount, int capacity) {
        this.capacity = capacity;
        this.workerCount = workerCount;
        this.slots = new Semaphore(capacity);
    }

    /** Starts (or restarts, after {@link #shutdown()}) the workers with every waiting slot free. */
    synchronized void start() {
        if (workers == null || workers.isShutdown()) {
            slots.drainPermits();
            slots.release(capacity);
            workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "regtrain-worker-" + counter.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }
    }

    /** Takes a waiting slot if one is free. */
    boolean tryAdmit() {
        return slots.tryAcquire();
    }

    /** Gives a waiting slot back. */
    void leave() {
        slots.release();
    }

    /** Jobs admitted and not yet running. */
    int waiting() {
        return capacity - slots.availablePermits();
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
