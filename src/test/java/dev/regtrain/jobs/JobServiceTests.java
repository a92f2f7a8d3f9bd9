package dev.regtrain.jobs;

import static dev.regtrain.jobs.JobStatus.CANCELLED;
import static dev.regtrain.jobs.JobStatus.FAILED;
import static dev.regtrain.jobs.JobStatus.QUEUED;
import static dev.regtrain.jobs.JobStatus.RUNNING;
import static dev.regtrain.jobs.JobStatus.SUCCEEDED;
import static dev.regtrain.jobs.Lifecycle.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.storage.TestProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job lifecycle without HTTP: in-memory fakes of the ports, workers and a clock the test drives, and assertions
 * on whole status histories (as JobRunr's tests do).
 */
class JobServiceTests {

    private final Lifecycle lifecycle = new Lifecycle();
    private final JobService jobs = lifecycle.service;

    private static StatusChange at(JobStatus status, int second) {
        return StatusChange.of(status, T0.plusSeconds(second));
    }

    private static Instant second(int s) {
        return T0.plusSeconds(s);
    }

    @Test
    void aSubmittedJobWaitsForAWorkerThenRunsToSuccessWithItsRowsAndCheckpoints() {
        JobRecord submitted = jobs.submit(Lifecycle.moons(5));

        assertThat(submitted.history()).containsExactly(at(QUEUED, 0));
        assertThat(lifecycle.store.find(submitted.id())).contains(submitted);
        assertThat(lifecycle.queue.waiting()).isEqualTo(1);

        lifecycle.workOnNext();

        JobRecord done = jobs.get(submitted.id());
        assertThat(done.history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
        assertThat(done.startedAt()).isEqualTo(second(1));
        assertThat(done.finishedAt()).isEqualTo(second(1));
        assertThat(done.stop().reason()).isEqualTo(StopReasonCode.COMPLETED);
        assertThat(done.epochsDone()).isEqualTo(5);
        assertThat(lifecycle.store.find(submitted.id())).contains(done);
        assertThat(jobs.metrics(submitted.id())).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5);
        assertThat(lifecycle.checkpoints.list(submitted.id())).extracting(CheckpointInfo::ref)
                .containsExactly("best", "2", "4", "5");
        assertThat(lifecycle.queue.waiting()).isZero();
    }

    @Test
    void aJobCancelledWhileQueuedEndsAtOnceAndItsWorkerDoesNothing() {
        String id = jobs.submit(Lifecycle.moons(5)).id();
        lifecycle.clock.set(second(3));

        JobRecord cancelled = jobs.cancel(id);
        lifecycle.workOnNext();

        assertThat(cancelled.history()).containsExactly(at(QUEUED, 0), at(CANCELLED, 3));
        assertThat(jobs.get(id)).isEqualTo(cancelled);
        assertThat(cancelled.stop().reason()).isEqualTo(StopReasonCode.CANCELLED);
        assertThat(jobs.metrics(id)).isEmpty();
        assertThat(lifecycle.queue.waiting()).as("the queue slot is given back").isZero();
    }

    @Test
    void aJobCancelledWhileRunningStopsAtTheEpochItWasIn() {
        String id = jobs.submit(Lifecycle.moons(8)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 3) {
                lifecycle.clock.set(second(7));
                jobs.cancel(id);
            }
        });

        lifecycle.workOnNext();

        JobRecord cancelled = jobs.get(id);
        assertThat(cancelled.history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(CANCELLED, 7));
        assertThat(cancelled.stop().reason()).isEqualTo(StopReasonCode.CANCELLED);
        assertThat(cancelled.stop().epoch()).isEqualTo(3);
        assertThat(jobs.metrics(id)).hasSize(3);
        assertThat(lifecycle.checkpoints.list(id)).as("the checkpoints written before the cancel stay")
                .extracting(CheckpointInfo::ref).contains("2");
    }

    @Test
    void aFinishedJobCannotBeCancelledAndAnUnknownOneIsNotFound() {
        String id = jobs.submit(Lifecycle.moons(2)).id();
        lifecycle.workOnNext();

        assertThatThrownBy(() -> jobs.cancel(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("SUCCEEDED");
        assertThatThrownBy(() -> jobs.cancel("no-such-job")).isInstanceOf(NotFoundException.class);
        assertThat(jobs.get(id).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
    }

    @Test
    void onlyAFinishedJobCanBeDeletedAndThenNothingOfItIsLeft() {
        String id = jobs.submit(Lifecycle.moons(3)).id();
        assertThatThrownBy(() -> jobs.delete(id)).isInstanceOf(ConflictException.class).hasMessageContaining("QUEUED");
        lifecycle.store.onAppend(row -> assertThatThrownBy(() -> jobs.delete(id))
                .isInstanceOf(ConflictException.class).hasMessageContaining("RUNNING"));
        lifecycle.workOnNext();

        jobs.delete(id);

        assertThat(jobs.exists(id)).isFalse();
        assertThat(lifecycle.store.find(id)).isEmpty();
        assertThat(lifecycle.store.loadMetrics(id)).isEmpty();
        assertThat(lifecycle.checkpoints.list(id)).isEmpty();
        assertThatThrownBy(() -> jobs.get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aJobThatDivergesFailsWithItsReason() {
        String id = jobs.submit(Lifecycle.parse("""
                {"seed": 1, "dataset": {"builtin": "sine", "samples": 100},
                 "network": {"hidden": [{"units": 8, "activation": "relu"}]},
                 "training": {"epochs": 20, "optimizer": "sgd", "learningRate": 1000000}}""")).id();
        lifecycle.workOnNext();

        JobRecord failed = jobs.get(id);
        assertThat(failed.history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(FAILED, 1));
        assertThat(failed.stop().reason()).isEqualTo(StopReasonCode.DIVERGED);
        assertThat(failed.error().message()).contains("diverged");
    }

    @Test
    void aFullQueueRefusesASubmissionAndCreatesNothing() {
        for (int i = 0; i < 3; i++) {
            jobs.submit(Lifecycle.moons(2));
        }

        assertThatThrownBy(() -> jobs.submit(Lifecycle.moons(2))).isInstanceOf(QueueFullException.class);
        assertThat(lifecycle.store.page(JobFilter.ALL, 10, null).jobs()).hasSize(3);

        lifecycle.workOnNext();
        assertThat(jobs.submit(Lifecycle.moons(2)).status()).as("a started job frees its slot").isEqualTo(QUEUED);
    }

    @Test
    void theListShowsStoredJobsNewestFirstWithTheProgressOfTheOnesTraining() {
        String first = jobs.submit(Lifecycle.moons(4)).id();
        lifecycle.clock.set(second(1));
        String second = jobs.submit(Lifecycle.moons(4)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 2) { // the store gets a row before the job's record counts it
                JobPage page = jobs.list(JobFilter.ALL, 10, null);
                assertThat(page.jobs()).extracting(JobRecord::id).containsExactly(second, first);
                assertThat(page.jobs().get(1).epochsDone()).as("progress from memory, not the store's last save")
                        .isEqualTo(1);
            }
        });
        lifecycle.workOnNext();

        assertThat(jobs.list(new JobFilter(java.util.Set.of(QUEUED)), 10, null).jobs()).extracting(JobRecord::id)
                .containsExactly(second);
    }

    @Test
    void aJobRunningWhenTheProcessDiedResumesFromItsCheckpointAndEndsAsIfItNeverStopped() {
        String id = jobs.submit(Lifecycle.moons(6)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 3) {
                throw new ProcessKilled(); // nothing after this row is written, as with kill -9
            }
        });
        assertThatThrownBy(lifecycle::workOnNext).isInstanceOf(ProcessKilled.class);
        lifecycle.store.onAppend(row -> { });
        assertThat(lifecycle.store.find(id).orElseThrow().status()).isEqualTo(RUNNING);
        lifecycle.clock.set(second(10));

        Lifecycle restarted = lifecycle.restart();
        restarted.workOnNext();

        JobRecord resumed = restarted.service.get(id);
        assertThat(resumed.history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1),
                new StatusChange(RUNNING, second(11), "resumed after a restart from its checkpoint at epoch 2"),
                at(SUCCEEDED, 11));
        assertThat(resumed.resumedFromEpoch()).isEqualTo(2);

        Lifecycle uninterrupted = new Lifecycle();
        String reference = uninterrupted.service.submit(Lifecycle.moons(6)).id();
        uninterrupted.workOnNext();
        assertThat(withoutSeconds(restarted.service.metrics(id)))
                .isEqualTo(withoutSeconds(uninterrupted.service.metrics(reference)));
        assertThat(restarted.checkpoints.load(id, "latest").orElseThrow().state().parameters())
                .isDeepEqualTo(uninterrupted.checkpoints.load(reference, "latest").orElseThrow().state().parameters());
    }

    @Test
    void aShutdownSuspendsARunningJobAtAnEpochAndTheNextStartContinuesItAndTheQueuedOnes() {
        String running = jobs.submit(Lifecycle.moons(5)).id();
        String queued = jobs.submit(Lifecycle.moons(2)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 3) {
                jobs.stop();
            }
        });
        lifecycle.workOnNext();
        lifecycle.workOnNext();
        assertThat(lifecycle.store.find(running).orElseThrow().history()).containsExactly(at(QUEUED, 0),
                at(RUNNING, 1));
        assertThat(lifecycle.store.find(queued).orElseThrow().history()).containsExactly(at(QUEUED, 0));
        lifecycle.store.onAppend(row -> { });

        Lifecycle restarted = lifecycle.restart();
        restarted.workers.runAll();

        assertThat(restarted.service.get(running).history()).extracting(StatusChange::status)
                .containsExactly(QUEUED, RUNNING, RUNNING, SUCCEEDED);
        assertThat(restarted.service.get(running).history().get(2).detail()).endsWith("at epoch 3");
        assertThat(restarted.service.metrics(running)).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5);
        assertThat(restarted.service.get(queued).history()).extracting(StatusChange::status)
                .containsExactly(QUEUED, RUNNING, SUCCEEDED);
    }

    @Test
    void aSubmissionWithAChosenIdIsTheJobThatIdFindsAfterARestart() {
        String id = "00000000-0000-0000-0000-0000000000aa";
        JobRecord submitted = jobs.submit(Lifecycle.moons(2), id);

        Lifecycle restarted = lifecycle.restart();

        assertThat(restarted.service.exists(id)).isTrue();
        assertThat(restarted.service.get(id)).isEqualTo(submitted);
        restarted.workers.runAll();
        assertThat(restarted.service.get(id).status()).isEqualTo(SUCCEEDED);
        assertThat(restarted.store.page(JobFilter.ALL, 10, null).jobs()).hasSize(1);
    }

    @Test
    void aDatasetInUseByAQueuedJobCannotBeDeleted() {
        String dataset = lifecycle.datasets.upload(new java.io.ByteArrayInputStream(
                "x,y,label\n1,2,a\n2,1,b\n3,3,a\n4,1,b\n5,2,a\n6,0,b\n".getBytes()), "tiny", null, null, null).id();
        String id = jobs.submit(Lifecycle.parse("""
                {"seed": 1, "dataset": {"id": "%s"}, "validationSplit": 0, "training": {"epochs": 2}}"""
                .formatted(dataset))).id();

        assertThatThrownBy(() -> jobs.deleteDataset(dataset)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(id);
        lifecycle.workOnNext();
        jobs.deleteDataset(dataset);
        assertThat(lifecycle.datasets.find(dataset)).isEmpty();
    }

    /** Two workers and a memory budget that holds {@code jobs} moons jobs at once, and a half more. */
    private static Lifecycle withMemoryFor(double jobs) {
        long budget = (long) (jobs * Lifecycle.memoryOf(Lifecycle.moons(3)));
        return new Lifecycle(TestProperties.with("regtrain.queue-capacity", "3",
                "regtrain.limits.max-job-memory", budget + "B"), 2);
    }

    /** A moons job with wider layers: more memory than {@link Lifecycle#moons}. */
    private static JobRequest wideMoons() {
        return Lifecycle.parse("""
                {"seed": 42, "dataset": {"builtin": "moons", "samples": 60},
                 "network": {"hidden": [{"units": 256}, {"units": 256}]},
                 "training": {"epochs": 3, "batchSize": 16, "optimizer": "adam"}}""");
    }

    @Test
    void aJobThatDoesNotFitBesideTheRunningOneWaitsQueuedUntilItEndsThoughAWorkerIsFree() {
        Lifecycle memory = withMemoryFor(1.5);
        JobService service = memory.service;
        String first = service.submit(Lifecycle.moons(3)).id();
        String second = service.submit(Lifecycle.moons(3)).id();
        assertThat(memory.workers.waiting()).as("only the first is handed to a worker").isEqualTo(1);
        boolean[] checked = {false};
        memory.store.onAppend(row -> {
            if (!checked[0]) {
                checked[0] = true;
                assertThat(service.get(first).status()).isEqualTo(RUNNING);
                assertThat(memory.workers.runNext()).as("the second has no worker while the first trains").isFalse();
                assertThat(service.get(second).status()).isEqualTo(QUEUED);
            }
        });

        memory.workOnNext();
        assertThat(memory.workers.waiting()).as("the first ended: the second has its memory").isEqualTo(1);
        memory.workOnNext();

        assertThat(checked[0]).isTrue();
        assertThat(service.get(first).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
        assertThat(service.get(second).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 2), at(SUCCEEDED, 2));
        assertThat(memory.queue.waiting()).isZero();
    }

    @Test
    void jobsThatFitTogetherTrainAtOnce() {
        Lifecycle memory = withMemoryFor(2.5);
        JobService service = memory.service;
        String first = service.submit(Lifecycle.moons(3)).id();
        String second = service.submit(Lifecycle.moons(3)).id();
        assertThat(memory.workers.waiting()).isEqualTo(2);
        boolean[] ranBeside = {false};
        memory.store.onAppend(row -> {
            if (!ranBeside[0]) {
                ranBeside[0] = true;
                memory.workers.runNext(); // the second worker, while the first job trains
            }
        });

        memory.workOnNext();

        assertThat(service.get(second).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
        assertThat(service.get(first).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
        assertThat(service.get(second).finishedAt()).isEqualTo(second(1));
    }

    @Test
    void aJobWaitingForMemoryIsCancelledAtOnceAndNeverRuns() {
        Lifecycle memory = withMemoryFor(1.5);
        JobService service = memory.service;
        String first = service.submit(Lifecycle.moons(3)).id();
        String waiting = service.submit(Lifecycle.moons(3)).id();
        memory.clock.set(second(3));

        JobRecord cancelled = service.cancel(waiting);

        assertThat(cancelled.history()).containsExactly(at(QUEUED, 0), at(CANCELLED, 3));
        assertThat(memory.queue.waiting()).as("its queue slot is free").isEqualTo(1);
        memory.workOnNext();
        assertThat(memory.workers.waiting()).as("nothing is handed over when the first ends").isZero();
        assertThat(service.get(first).status()).isEqualTo(SUCCEEDED);
        assertThat(service.get(waiting)).isEqualTo(cancelled);
        assertThat(service.metrics(waiting)).isEmpty();
    }

    @Test
    void aJobWaitingForMemoryHoldsBackTheSmallerOnesBehindIt() {
        long small = Lifecycle.memoryOf(Lifecycle.moons(3));
        long wide = Lifecycle.memoryOf(wideMoons());
        assertThat(wide).isGreaterThan(2 * small);
        Lifecycle memory = new Lifecycle(TestProperties.with("regtrain.queue-capacity", "3",
                "regtrain.limits.max-job-memory", (wide + small + small / 2) + "B"), 2);
        JobService service = memory.service;
        String running = service.submit(wideMoons()).id();
        String large = service.submit(wideMoons()).id();
        String behind = service.submit(Lifecycle.moons(3)).id();
        assertThat(memory.workers.waiting()).as("the small one would fit, but waits its turn").isEqualTo(1);

        memory.workOnNext();
        assertThat(memory.workers.waiting()).as("the large one, then the small one beside it").isEqualTo(2);
        memory.workers.runAll();

        assertThat(service.get(running).history()).extracting(StatusChange::status)
                .containsExactly(QUEUED, RUNNING, SUCCEEDED);
        assertThat(service.get(large).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
        assertThat(service.get(behind).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 1), at(SUCCEEDED, 1));
    }

    @Test
    void afterARestartTheRecoveredJobsAreAdmittedByTheirMemoryToo() {
        Lifecycle memory = withMemoryFor(1.5);
        String running = memory.service.submit(Lifecycle.moons(4)).id();
        String queued = memory.service.submit(Lifecycle.moons(3)).id();
        memory.store.onAppend(row -> {
            if (row.epoch() == 3) {
                throw new ProcessKilled();
            }
        });
        assertThatThrownBy(memory::workOnNext).isInstanceOf(ProcessKilled.class);
        memory.store.onAppend(row -> { });

        Lifecycle restarted = memory.restart();
        assertThat(restarted.workers.waiting()).as("the resumed job alone: the queued one does not fit beside it")
                .isEqualTo(1);
        restarted.workOnNext();
        assertThat(restarted.workers.waiting()).isEqualTo(1);
        restarted.workOnNext();

        assertThat(restarted.service.get(running).history()).extracting(StatusChange::status)
                .containsExactly(QUEUED, RUNNING, RUNNING, SUCCEEDED);
        assertThat(restarted.service.get(queued).history()).containsExactly(at(QUEUED, 0), at(RUNNING, 3),
                at(SUCCEEDED, 3));
    }

    private static List<EpochMetrics> withoutSeconds(List<EpochMetrics> rows) {
        return rows.stream().map(r -> r.withSeconds(0)).toList();
    }

    /** What the death of the process looks like to a worker: nothing after it runs. */
    private static final class ProcessKilled extends Error {
    }
}
