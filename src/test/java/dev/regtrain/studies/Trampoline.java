package dev.regtrain.studies;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the calling thread, one at a time and in order: a task submitted while another runs (a study step
 * that cancels a child, whose end asks for another step) waits until the running one has finished.
 */
final class Trampoline implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (draining) {
            return;
        }
        draining = true;
        try {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                next.run();
            }
        } finally {
            draining = false;
        }
    }
}
