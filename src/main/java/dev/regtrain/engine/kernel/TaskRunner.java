package dev.regtrain.engine.kernel;

import java.util.function.IntConsumer;

/**
 * Runs the independent parts of one computation, possibly at the same time. The engine starts no threads of its own:
 * whoever builds a kernel with a runner supplies the threads (a pool outside the engine), and decides how many.
 * Results never depend on the runner: work is split so that every output element is computed by the same
 * arithmetic, whichever part computes it.
 */
public interface TaskRunner {

    /** Runs every part on the calling thread, one after the other. */
    TaskRunner SEQUENTIAL = new TaskRunner() {
        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void run(int parts, IntConsumer part) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
        }
    };

    /**
     * The first of {@code total} pieces (columns, panels, elements) that belongs to part {@code part} of {@code parts},
     * or {@code total} for part = parts: the parts are contiguous and differ in size by at most one piece.
     */
    static int firstOf(int part, int parts, int total) {
        return (int) ((long) total * part / parts);
    }

    /** How many parts can run at the same time. */
    int parallelism();

    /**
     * How many parts a loop over {@code work} values, divisible into {@code pieces}, is split into: one on a single
     * thread; else two per thread (so that a late thread can be balanced), but no more than the pieces, and none
     * smaller than {@code minWorkPerPart} values (a hand-off costs microseconds), and at least one.
     */
    default int partsFor(long work, long minWorkPerPart, int pieces) {
        int threads = parallelism();
        if (threads <= 1) {
            return 1;
        }
        return (int) Math.max(1, Math.min(Math.min(2L * threads, pieces), work / minWorkPerPart));
    }

    /**
     * Calls {@code part.accept(i)} exactly once for every i in [0, parts), in any order and on any of the runner's
     * threads (the calling thread included), possibly concurrently; returns when all have returned, with everything
     * they wrote visible to the caller. Callers may pass more parts than {@link #parallelism()}, so that a runner can
     * balance them among threads that start or run at different speeds. If a part throws, rethrows (unchecked) once
     * the parts that started have finished.
     */
    void run(int parts, IntConsumer part);
}
