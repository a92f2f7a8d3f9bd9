package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which fold jobs of a path may start, and from which weights. */
class EligibleTests {

    private static final String L1 = "regularization.penalty.l1";

    private static StudyRecord path(List<Double> zerosOfTrial0Fold0) {
        StudyRequest request = new StudyRequest("p", 1L, null, new StudyRequest.Search("path",
                Map.of(L1, new StudyRequest.ValueSpec(List.of(10.0, 1.0, 0.1), null, null, null)), null),
                new StudyRequest.CrossValidation(2, "stratified", 1), new StudyRequest.Selection("val_loss", "min"),
                false, 0);
        FoldRecord done = new FoldRecord(0, 0, "t0f0", JobStatus.SUCCEEDED, null, 0.5, 3, 0.5, 10, 0.1,
                List.of(0.0, 1.0), zerosOfTrial0Fold0);
        FoldRecord running = FoldRecord.waiting(1, 0).submitted("t0f1", JobStatus.RUNNING);
        TrialRecord t0 = TrialRecord.summarised(0, Map.of(L1, 10.0), List.of(done, running));
        TrialRecord t1 = TrialRecord.summarised(1, Map.of(L1, 1.0), List.of(FoldRecord.waiting(0, 0),
                FoldRecord.waiting(1, 0)));
        TrialRecord t2 = TrialRecord.summarised(2, Map.of(L1, 0.1), List.of(FoldRecord.waiting(0, 0),
                FoldRecord.waiting(1, 0)));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new StudyRecord("s", "p", JobStatus.RUNNING, at, at, null, request, List.of(t0, t1, t2), null, 6,
                false, null, List.of(), null);
    }

    @Test
    void aFoldsNextTrialStartsOnceItsPreviousEndedFromItsWeights() {
        List<StudyCoordinator.Next> next = Eligible.next(path(List.of(0.3, 0.0)));

        assertThat(next).singleElement().satisfies(n -> {
            assertThat(n.trial()).isEqualTo(1);
            assertThat(n.fold().fold()).isZero();
            assertThat(n.warmStartFrom()).isEqualTo("t0f0");
        });
    }

    @Test
    void weightsWithALayerDrivenToZeroAreNoStartingPoint() {
        assertThat(Eligible.next(path(List.of(1.0, 0.2)))).singleElement()
                .satisfies(n -> assertThat(n.warmStartFrom()).isNull());
    }
}
