package dev.regtrain.jobs;

import static dev.regtrain.jobs.JobStatus.CANCELLED;
import static dev.regtrain.jobs.JobStatus.FAILED;
import static dev.regtrain.jobs.JobStatus.QUEUED;
import static dev.regtrain.jobs.JobStatus.RUNNING;
import static dev.regtrain.jobs.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.NotFoundException;
import dev.regtrain.engine.EpochMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store whose disk fills up: a job always ends in a state it can leave, with a reason that names the cause, the
 * worker lives on, cancel and delete work, and the service starts (and resumes its jobs once there is room).
 */
class FullDiskTests {

    private final Lifecycle lifecycle = new Lifecycle();
    private final JobService jobs = lifecycle.service;

    private static List<JobStatus> statuses(JobRecord job) {
        return job.history().stream().map(StatusChange::status).toList();
    }

    @Test
    void aDiskThatFillsDuringTrainingEndsTheJobFailedAndTheWorkerTrainsTheNextJob() {
        String filling = jobs.submit(Lifecycle.moons(8)).id();
        String next = jobs.submit(Lifecycle.moons(2)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 3) {
                lifecycle.disk.fill();
            }
        });

        lifecycle.workOnNext();

        JobRecord failed = jobs.get(filling);
        assertThat(statuses(failed)).containsExactly(QUEUED, RUNNING, FAILED);
        assertThat(failed.error().message()).contains("the data directory is full").contains("free some space");
        assertThat(lifecycle.store.find(filling).orElseThrow().status()).as("the store could not take it yet")
                .isEqualTo(RUNNING);
        assertThat(jobs.countsByStatus()).containsEntry(FAILED, 1L).containsEntry(RUNNING, 0L);

        lifecycle.disk.free();
        lifecycle.later.runWaiting();
        assertThat(lifecycle.store.find(filling)).contains(failed);

        lifecycle.store.onAppend(row -> { });
        lifecycle.workOnNext();
        assertThat(statuses(jobs.get(next))).containsExactly(QUEUED, RUNNING, SUCCEEDED);
    }

    @Test
    void aJobThatCannotStartOnAFullDiskFailsWithTheCause() {
        String id = jobs.submit(Lifecycle.moons(3)).id();
        lifecycle.disk.fill();

        lifecycle.workOnNext();

        JobRecord failed = jobs.get(id);
        assertThat(statuses(failed)).containsExactly(QUEUED, FAILED);
        assertThat(failed.error().message()).contains("the data directory is full");
        assertThat(lifecycle.queue.waiting()).isZero();
    }

    @Test
    void cancelAndDeleteWorkWhileTheDiskIsFull() {
        String id = jobs.submit(Lifecycle.moons(3)).id();
        lifecycle.disk.fill();

        JobRecord cancelled = jobs.cancel(id);
        jobs.delete(id);

        assertThat(statuses(cancelled)).containsExactly(QUEUED, CANCELLED);
        assertThatThrownBy(() -> jobs.get(id)).isInstanceOf(NotFoundException.class);
        lifecycle.disk.free();
        lifecycle.later.runWaiting();
        assertThat(lifecycle.store.find(id)).as("a deleted job's pending record is not saved").isEmpty();
        lifecycle.workOnNext();
        assertThat(lifecycle.store.find(id)).isEmpty();
    }

    @Test
    void theServiceStartsOnAFullDiskAndResumesItsJobWhenThereIsRoom() {
        String id = jobs.submit(Lifecycle.moons(6)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 3) {
                throw new ProcessKilled();
            }
        });
        assertThatThrownBy(lifecycle::workOnNext).isInstanceOf(ProcessKilled.class);
        lifecycle.store.onAppend(row -> { });
        lifecycle.disk.fill();

        Lifecycle restarted = lifecycle.restart();

        assertThat(restarted.service.get(id).status()).isEqualTo(RUNNING);
        assertThat(restarted.workers.waiting()).as("not resumed while the rewind cannot be written").isZero();
        restarted.later.runWaiting();
        assertThat(restarted.workers.waiting()).as("still full: tried again later").isZero();

        lifecycle.disk.free();
        restarted.later.runWaiting();
        restarted.workers.runAll();

        JobRecord done = restarted.service.get(id);
        assertThat(statuses(done)).containsExactly(QUEUED, RUNNING, RUNNING, SUCCEEDED);
        assertThat(restarted.service.metrics(id)).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6);
    }

    /** The best checkpoint is written when training ends: without room for it the job has no model it can serve. */
    @Test
    void aJobWhoseLastCheckpointCannotBeWrittenEndsFailedAndSaysWhy() {
        String id = jobs.submit(Lifecycle.moons(5)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 5) {
                lifecycle.disk.fill();
            }
        });

        lifecycle.workOnNext();

        JobRecord job = jobs.get(id);
        assertThat(statuses(job)).containsExactly(QUEUED, RUNNING, FAILED);
        assertThat(job.error().message()).contains("could not write a checkpoint");
        lifecycle.disk.free();
        lifecycle.later.runWaiting();
        assertThat(lifecycle.store.find(id).orElseThrow().status()).isEqualTo(job.status());
    }

    /** What the death of the process looks like to a worker: nothing after it runs. */
    private static final class ProcessKilled extends Error {
    }
}
