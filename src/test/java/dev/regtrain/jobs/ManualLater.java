package dev.regtrain.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The retries of the lifecycle, run when the test says (their delays are not waited for). */
final class ManualLater implements Later {

    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public synchronized void run(Runnable task, Duration after) {
        tasks.add(task);
    }

    synchronized int waiting() {
        return tasks.size();
    }

    /** Runs the tasks waiting now (the ones they schedule wait for the next call). */
    void runWaiting() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(tasks);
            tasks.clear();
        }
        now.forEach(Runnable::run);
    }
}
