package dev.regtrain.jobs.cores;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A TaskRunner with threads − 1 daemon workers for a mini-batch's rapid sequence of products. Every thread, the
 * calling one included, claims parts of the current job from a shared counter until none are left; the caller then
 * waits only for parts that were claimed and are still running. So a worker that wakes late, or is descheduled
 * because other processes want the cores, takes fewer parts instead of holding the caller up.
 *
 * <p>Workers spin for a short while after a job ({@link #SPIN_NANOS} by default) before they park, because waking a
 * parked thread costs tens of microseconds; the caller spins while it waits, and yields its core after a few
 * microseconds in case the thread it waits for needs one.
 *
 * <p>On a machine shared with other processes a worker can be descheduled while it holds a part, and the caller then
 * waits for a whole scheduler time slice. A wait longer than {@link #STALL_NANOS} (a part is a fraction of a millisecond of work) is a
 * stall; when two stalls come within {@link #STALL_BURST_NANOS}, the caller runs every part itself for a while, so
 * that under contention the runner costs about what one thread would, instead of several times that. The window
 * starts at {@link #MIN_SOLO_NANOS} and doubles, up to {@link #SOLO_NANOS}, with each burst that comes within
 * {@link #RELAPSE_NANOS} of the last window's end: lasting contention soon has the caller alone for the long window,
 * while a quiet machine's occasional pair of stalls (the hypervisor, the JIT; a few per second) costs a few
 * milliseconds at one thread's speed instead of a hundred. A lone stall changes nothing: going solo after each of
 * those costs more than it saves (docs/performance.md, "Measurements behind the code", has the numbers).
 */
public final class SpinningRunner implements TaskRunner, AutoCloseable {

    /**
     * One call of {@link #run}: immutable apart from its counters, so a late worker can never mix two calls. This is
     * the one allocation of a parallel training step (a few dozen bytes per product, short-lived); reusing one
     * object would need a generation-stamped claim so that a worker that read the previous call cannot take a part
     * of the next, a race not worth those bytes. Once every part is done the job lets go of its work: the runner
     * and its parked workers keep the last job until the next, and its work holds a product's buffers (or a whole
     * trainer's), which must not outlive the training job that made them.
     */
    private static final class Job {
        IntConsumer part;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile RuntimeException failure;

        Job(IntConsumer part, int parts) {
            this.part = part;
            this.parts = parts;
        }

        /** Claims and runs parts until none are left. */
        void work() {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    part.accept(i);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private static final long CALLER_SPIN_NANOS = 5_000;
    static final long STALL_NANOS = 1_000_000;
    /** Two stalls this close together mean the cores are contended; a lone stall (a GC, the JIT) does not. */
    static final long STALL_BURST_NANOS = 20_000_000;
    /** The first solo window after a burst. */
    public static final long MIN_SOLO_NANOS = 5_000_000;
    /** The longest: each burst that comes soon after a solo window ended doubles the next window, up to this. */
    public static final long SOLO_NANOS = 100_000_000;
    /** How long a worker spins for the next job before it parks. */
    public static final long SPIN_NANOS = 100_000;
    /** A burst this soon after the last solo window ended is a relapse: the contention has not gone. */
    static final long RELAPSE_NANOS = 100_000_000;

    private final long minSoloNanos;
    private final long maxSoloNanos;
    private long soloWindowNanos;

    private final int threads;
    private final Worker[] workers;
    private final long spinNanos;
    private volatile Job current;
    private volatile boolean closed;
    /** No window yet: as if the last ended long before a relapse could follow it. */
    private long soloUntil = System.nanoTime() - 2 * RELAPSE_NANOS;
    private long lastStall = System.nanoTime() - 2 * STALL_BURST_NANOS;
    private long stalls;
    private long bursts;
    /** Counted by the caller alone, like the stalls: see {@link #jobs()} and {@link #waitNanos()}. */
    private long jobs;
    private long soloJobs;
    private long waitNanos;
    private long stallNanos;

    public SpinningRunner(int threads) {
        this(threads, SPIN_NANOS, MIN_SOLO_NANOS, SOLO_NANOS);
    }

    /** Solo windows of a fixed length; with {@code soloNanos} = 0 the caller never runs alone after a stall. */
    public SpinningRunner(int threads, long spinNanos, long soloNanos) {
        this(threads, spinNanos, soloNanos, soloNanos);
    }

    /** Solo windows from {@code minSoloNanos}, doubled on each relapse up to {@code maxSoloNanos}. */
    private SpinningRunner(int threads, long spinNanos, long minSoloNanos, long maxSoloNanos) {
        this.threads = threads;
        this.spinNanos = spinNanos;
        this.minSoloNanos = minSoloNanos;
        this.maxSoloNanos = maxSoloNanos;
        this.soloWindowNanos = minSoloNanos;
        this.workers = new Worker[Math.max(0, threads - 1)];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].start();
        }
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public void run(int parts, IntConsumer part) {
        if (parts <= 1 || workers.length == 0) {
            TaskRunner.SEQUENTIAL.run(parts, part);
            return;
        }
        jobs++;
        if (solo()) {
            soloJobs++;
            TaskRunner.SEQUENTIAL.run(parts, part);
            return;
        }
        Job job = new Job(part, parts);
        current = job;
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker);
            }
        }
        job.work();
        long waitingSince = System.nanoTime();
        long now = waitingSince;
        while (job.done.get() < parts) {
            if (now - waitingSince < CALLER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            now = System.nanoTime();
        }
        waitNanos += now - waitingSince;
        if (now - waitingSince > STALL_NANOS) {
            stalls++;
            stallNanos += now - waitingSince;
            if (now - lastStall < STALL_BURST_NANOS) {
                soloWindowNanos = nextSoloWindow(soloWindowNanos, now - soloUntil, minSoloNanos, maxSoloNanos);
                soloUntil = now + soloWindowNanos;
                bursts++;
            }
            lastStall = now;
        }
        job.part = null; // every part was claimed: no worker reads it again
        if (job.failure != null) {
            throw job.failure;
        }
    }

    /**
     * The solo window after a burst that came {@code sinceLastEnded} after the previous window of length
     * {@code window} ended: twice that window (at most {@code max}) for a relapse, else {@code min} again.
     */
    static long nextSoloWindow(long window, long sinceLastEnded, long min, long max) {
        return sinceLastEnded < RELAPSE_NANOS ? Math.min(2 * window, max) : min;
    }

    /** Whether a burst of stalls has the caller running every part itself right now. */
    boolean solo() {
        return System.nanoTime() - soloUntil < 0;
    }

    /** How many times a worker held the caller up for more than {@link #STALL_NANOS}. */
    public long stalls() {
        return stalls;
    }

    /** How many calls had parts to share (more than one, with workers), those run alone included. */
    public long jobs() {
        return jobs;
    }

    /** How many of {@link #jobs()} the caller ran alone because of a burst of stalls. */
    public long soloJobs() {
        return soloJobs;
    }

    /** How long the caller waited, in all, for parts a worker held after it had run out of parts to take. */
    public long waitNanos() {
        return waitNanos;
    }

    /** The part of {@link #waitNanos()} spent in stalls. */
    public long stallNanos() {
        return stallNanos;
    }

    /** The longest the caller runs alone after a burst of stalls. */
    public long maxSoloNanos() {
        return maxSoloNanos;
    }

    /** The length of the last (or current) solo window. */
    long soloWindowNanos() {
        return soloWindowNanos;
    }

    /** How many times two stalls in a burst sent the caller solo (for up to the solo time each). */
    public long bursts() {
        return bursts;
    }

    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    private final class Worker extends Thread {
        private volatile boolean parked;

        Worker(int index) {
            super("spinning-runner-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (!closed) {
                Job job = current;
                if (job != seen) {
                    seen = job;
                    job.work();
                    continue;
                }
                long spinUntil = System.nanoTime() + spinNanos;
                while (current == seen && !closed && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                }
                if (current == seen && !closed) {
                    parked = true;
                    if (current == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}
