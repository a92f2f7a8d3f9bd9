package dev.regtrain.jobs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The job queue's workers, driven by the test: a submitted runner waits until the test runs it on its own thread, so
 * that every stage of a job (queued, running, between two epochs) can be reached deterministically.
 */
public final class ManualExecutor extends AbstractExecutorService {

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean shutdown;

    @Override
    public synchronized void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the workers were shut down");
        }
        waiting.add(command);
    }

    /** Runs the oldest waiting runner; false when none waits. */
    public boolean runNext() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
        }
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs waiting runners until none is left. */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = List.copyOf(waiting);
        waiting.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && waiting.isEmpty();
    }

    /** Never blocks: the test itself runs whatever is left. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
