package dev.regtrain.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task once after a delay: retries of what the store could not take. Tests drive their own. */
@FunctionalInterface
public interface Later {

    void run(Runnable task, Duration after);

    /** A single daemon thread, named for the thread dumps. */
    static Later daemon(String name) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        return (task, after) -> scheduler.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
    }
}
