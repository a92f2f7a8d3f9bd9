package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Endings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A study's end is announced in the same step as its final record is saved: recorded before the store has it,
 * released after, once per study.
 */
class StudyEndingsTests {

    private final List<String> calls = new ArrayList<>();
    private StudyHarness harness;

    private final Endings<StudyRecord> recording = (ended, save) -> {
        calls.add("ending " + ended.status() + ", store has " + stored(ended.id()));
        save.run();
        calls.add("released, store has " + stored(ended.id()));
    };

    private String stored(String id) {
        return harness.studyStore.find(id).map(s -> s.status().name()).orElse("nothing");
    }

    @Test
    void aSucceededStudyIsAnnouncedOnceBeforeItsFinalRecordIsSavedAndReleasedAfter() {
        harness = new StudyHarness(recording);
        StudyRecord created = harness.studies.create(StudyHarness.parse(StudyServiceTests.request(
                StudyServiceTests.PATH, "")));

        harness.runAll();

        assertThat(harness.studies.get(created.id()).status()).isEqualTo(dev.regtrain.jobs.JobStatus.SUCCEEDED);
        assertThat(calls).containsExactly("ending SUCCEEDED, store has RUNNING", "released, store has SUCCEEDED");
    }

    @Test
    void aCancelledStudyIsAnnouncedTheSameWay() {
        harness = new StudyHarness(recording);
        StudyRecord created = harness.studies.create(StudyHarness.parse(StudyServiceTests.request(
                StudyServiceTests.PATH, ", \"crossValidation\": {\"folds\": 3}")));

        harness.studies.cancel(created.id());
        harness.runAll();

        assertThat(calls).containsExactly("ending CANCELLED, store has RUNNING", "released, store has CANCELLED");
    }
}
