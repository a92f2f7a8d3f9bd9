package dev.regtrain.jobs;

import static dev.regtrain.jobs.JobStatus.QUEUED;
import static dev.regtrain.jobs.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.request.JobRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Continuing a final job by more epochs (API.md): a new job, numbered on from the original's epochs, that ends
 * bit-identical to a job submitted with the extra epochs at first, also when the service restarts before it runs.
 */
class JobContinuationTests {

    private final Lifecycle lifecycle = new Lifecycle();
    private final JobService jobs = lifecycle.service;

    /** A step schedule, momentum and dropout: every piece of state a continuation must carry over. */
    private static JobRequest job(int epochs) {
        return Lifecycle.parse("""
                {"name": "moons", "seed": 42, "dataset": {"builtin": "moons", "samples": 60, "noise": 0.2},
                 "network": {"hidden": [{"units": 8, "activation": "relu", "batchNorm": true}]},
                 "training": {"epochs": %d, "batchSize": 16, "optimizer": "momentum", "learningRate": 0.05,
                              "schedule": {"type": "step", "everyEpochs": 2, "factor": 0.5}, "clipNorm": 1.0},
                 "regularization": {"dropout": {"hidden": 0.2}, "labelSmoothing": 0.1},
                 "checkpoints": {"everyEpochs": 2, "keepLast": 5}}
                """.formatted(epochs));
    }

    private static List<EpochMetrics> withoutSeconds(List<EpochMetrics> rows) {
        return rows.stream().map(r -> r.withSeconds(0)).toList();
    }

    @Test
    void aJobContinuedByMoreEpochsIsBitForBitTheJobThatAskedForThemAtFirst() {
        String original = jobs.submit(job(4)).id();
        lifecycle.workOnNext();

        JobRecord continued = jobs.continueJob(original, 3);
        assertThat(continued.status()).isEqualTo(QUEUED);
        assertThat(continued.continuedFrom()).isEqualTo(new ContinuedFrom(original, 4));
        assertThat(continued.request().training().epochs()).isEqualTo(7);
        assertThat(continued.epochsDone()).isEqualTo(4);
        assertThat(continued.history().get(0).detail()).contains(original, "epoch 4");
        lifecycle.workOnNext();

        String longer = jobs.submit(job(7)).id();
        lifecycle.workOnNext();
        assertThat(jobs.get(continued.id()).status()).isEqualTo(SUCCEEDED);
        assertThat(jobs.metrics(continued.id())).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(withoutSeconds(jobs.metrics(continued.id()))).isEqualTo(withoutSeconds(jobs.metrics(longer)));
        assertThat(lifecycle.checkpoints.load(continued.id(), "latest").orElseThrow().state().parameters())
                .isDeepEqualTo(lifecycle.checkpoints.load(longer, "latest").orElseThrow().state().parameters());
        assertThat(jobs.get(continued.id()).modelRef()).isEqualTo(jobs.get(longer).modelRef());
    }

    @Test
    void aContinuationQueuedWhenTheServiceStopsStartsFromItsStateAfterTheRestart() {
        String original = jobs.submit(job(4)).id();
        lifecycle.workOnNext();
        String continued = jobs.continueJob(original, 3).id();

        Lifecycle restarted = lifecycle.restart();
        restarted.workOnNext();
        String longer = restarted.service.submit(job(7)).id();
        restarted.workOnNext();

        assertThat(withoutSeconds(restarted.service.metrics(continued)))
                .isEqualTo(withoutSeconds(restarted.service.metrics(longer)));
    }

    @Test
    void onlyAJobThatEndedWithACheckpointCanBeContinued() {
        String running = jobs.submit(job(4)).id();
        String cancelledWhileQueued = jobs.submit(job(4)).id();
        jobs.cancel(cancelledWhileQueued);

        assertThatThrownBy(() -> jobs.continueJob(running, 2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("QUEUED");
        assertThatThrownBy(() -> jobs.continueJob(cancelledWhileQueued, 2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no checkpoint");
        lifecycle.workOnNext();
        assertThatThrownBy(() -> jobs.continueJob(running, 0)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("epochs"));
    }
}
