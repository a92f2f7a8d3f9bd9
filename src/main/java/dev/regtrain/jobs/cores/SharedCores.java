package dev.regtrain.jobs.cores;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How training jobs share the machine's cores. A job that trains alone gets all of them: the vector kernel's large
 * products and the training step's element-wise work are split among {@code threads} threads (its own and
 * {@code threads − 1} workers). As soon as a second job trains, every job runs on its own worker thread only, one core
 * each, so that jobs never compete for the same cores through shared workers and a queue of small jobs is not slowed
 * by thread hand-offs.
 *
 * <p>This never changes a job's numbers: the engine splits work so that each output element is computed by the same
 * arithmetic whichever thread computes it (see {@link TaskRunner}), so a job trained alone, beside others, or across
 * a change from one to the other gives bit-identical results.
 *
 * <p>The workers are one {@link SpinningRunner} that at most one caller uses at a time; a caller that finds it busy
 * (another job, or a prediction request) runs its parts itself.
 */
public final class SharedCores implements TaskRunner, AutoCloseable {

    private final SpinningRunner workers;
    private final ReentrantLock owner = new ReentrantLock();
    private final AtomicInteger training = new AtomicInteger();

    /** @param threads the cores a lone job may use, at least 1 (the calling thread counts as one) */
    public SharedCores(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.workers = new SpinningRunner(threads);
    }

    /** The cores a lone job uses. */
    @Override
    public int parallelism() {
        return workers.parallelism();
    }

    @Override
    public void run(int parts, IntConsumer part) {
        if (parts > 1 && workers.parallelism() > 1 && training.get() <= 1 && owner.tryLock()) {
            try {
                workers.run(parts, part);
            } finally {
                owner.unlock();
            }
        } else {
            TaskRunner.SEQUENTIAL.run(parts, part);
        }
    }

    /**
     * Marks one job as training until the returned handle is closed; while more than one is marked, every job runs on
     * its own thread.
     */
    public Training training() {
        training.incrementAndGet();
        return new Training(training);
    }

    /** How many jobs are training now. */
    public int trainingJobs() {
        return training.get();
    }

    @Override
    public void close() {
        workers.close();
    }

    /** One job's mark; closing it more than once has no further effect. */
    public static final class Training implements AutoCloseable {
        private final AtomicInteger counter;
        private boolean closed;

        private Training(AtomicInteger counter) {
            this.counter = counter;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                counter.decrementAndGet();
            }
        }
    }
}
