package dev.regtrain.jobs;

import dev.regtrain.common.Endings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A job's end is announced in the same step as its final record is saved: the announcement is recorded before the
 * store has the record and released only after, for every way a job ends.
 */
class JobEndingsTests {

    /** What the store held at each call: the announcement's and the release's view of the job. */
    private final List<String> calls = new ArrayList<>();
    private Lifecycle lifecycle;

    private final Endings<JobSnapshot> recording = (ended, save) -> {
        calls.add("ending " + ended.record().status() + ", store has " + stored(ended.record().id()));
        save.run();
        calls.add("released, store has " + stored(ended.record().id()));
    };

    private String stored(String id) {
        return Optional.ofNullable(lifecycle).flatMap(l -> l.store.find(id)).map(r -> r.status().name())
                .orElse("nothing");
    }

    @Test
    void aSucceededJobIsAnnouncedBeforeItsFinalRecordIsSavedAndReleasedAfter() {
        lifecycle = new Lifecycle(recording);
        String id = lifecycle.service.submit(Lifecycle.moons(2)).id();

        lifecycle.workOnNext();

        assertThat(lifecycle.service.get(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(calls).containsExactly("ending SUCCEEDED, store has RUNNING", "released, store has SUCCEEDED");
    }

    @Test
    void aJobCancelledWhileQueuedIsAnnouncedTheSameWay() {
        lifecycle = new Lifecycle(recording);
        lifecycle.service.submit(Lifecycle.moons(2));
        String id = lifecycle.service.submit(Lifecycle.moons(2)).id();

        lifecycle.service.cancel(id);

        assertThat(calls).containsExactly("ending CANCELLED, store has QUEUED", "released, store has CANCELLED");
    }

    @Test
    void aFinalRecordTheStoreCannotTakeIsAnnouncedOnlyOnceTheStoreTakesIt() {
        lifecycle = new Lifecycle(recording);
        String id = lifecycle.service.submit(Lifecycle.moons(4)).id();
        lifecycle.store.onAppend(row -> {
            if (row.epoch() == 2) {
                lifecycle.disk.fill();
            }
        });

        lifecycle.workOnNext();

        assertThat(lifecycle.service.get(id).status()).isEqualTo(JobStatus.FAILED);
        assertThat(calls).as("the save threw: nothing released").containsExactly("ending FAILED, store has RUNNING");

        lifecycle.disk.free();
        lifecycle.later.runWaiting();

        assertThat(calls).containsExactly("ending FAILED, store has RUNNING", "ending FAILED, store has RUNNING",
                "released, store has FAILED");
    }

    @Test
    void aFailedJobIsAnnouncedWithItsMetricsAndAnAnnouncementThatFailsDoesNotStopTheJobFromEnding() {
        List<JobSnapshot> announced = new ArrayList<>();
        lifecycle = new Lifecycle((ended, save) -> {
            announced.add(ended);
            throw new IllegalStateException("the outbox is broken");
        });
        String id = lifecycle.service.submit(Lifecycle.parse("""
                {"seed": 1, "dataset": {"builtin": "moons", "samples": 60},
                 "network": {"hidden": [{"units": 4, "activation": "relu"}]},
                 "training": {"epochs": 5, "batchSize": 16, "optimizer": "sgd", "learningRate": 1e30}}
                """)).id();

        lifecycle.workOnNext();

        assertThat(lifecycle.store.find(id).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(announced).singleElement().satisfies(s -> {
            assertThat(s.record().status()).isEqualTo(JobStatus.FAILED);
            assertThat(s.metrics()).hasSize(s.record().epochsDone());
        });
    }
}
