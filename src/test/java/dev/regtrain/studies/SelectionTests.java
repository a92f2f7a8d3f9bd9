package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The selection rules on hand-made numbers. */
class SelectionTests {

    private static Selection.Candidate trial(int trial, double l2, double mean, Double se) {
        return new Selection.Candidate(trial, l2, mean, se);
    }

    @Test
    void theStandardErrorIsTheSampleStandardDeviationOverTheRootOfK() {
        Selection.Summary summary = Selection.Summary.of(List.of(1.0, 2.0, 3.0, 6.0));

        assertThat(summary.mean()).isEqualTo(3.0);
        // deviations −2, −1, 0, 3: squares 14, sample variance 14/3, sd √(14/3), SE √(14/3)/2
        assertThat(summary.standardError()).isCloseTo(Math.sqrt(14.0 / 3) / 2, offset(1e-15));
        assertThat(Selection.Summary.of(List.of(0.4)).standardError()).isNull();
        assertThat(Selection.Summary.of(List.of()).mean()).isNull();
    }

    @Test
    void oneStandardErrorPicksTheMostRegularisedTrialWithinTheBestTrialsError() {
        // a λ path, strongest first: the best mean is 0.30 at λ=1 with SE 0.02, so the bar is 0.32
        List<Selection.Candidate> path = List.of(trial(0, 100, 0.45, 0.03), trial(1, 10, 0.33, 0.02),
                trial(2, 3, 0.32, 0.01), trial(3, 1, 0.30, 0.02), trial(4, 0.1, 0.31, 0.05));

        assertThat(Selection.best(path, SelectionMetric.VAL_LOSS).trial()).isEqualTo(3);
        assertThat(Selection.oneStandardError(path, SelectionMetric.VAL_LOSS, StudyParameter.L2).trial())
                .as("0.32 ≤ 0.30 + 0.02 is within (inclusive); 0.33 is not").isEqualTo(2);
    }

    @Test
    void forAccuracyWithinMeansAtLeastTheBestMinusItsError() {
        List<Selection.Candidate> path = List.of(trial(0, 0.5, 0.80, 0.01), trial(1, 0.3, 0.86, 0.02),
                trial(2, 0.1, 0.88, 0.02), trial(3, 0.0, 0.87, 0.01));

        assertThat(Selection.best(path, SelectionMetric.VAL_ACCURACY).trial()).isEqualTo(2);
        assertThat(Selection.oneStandardError(path, SelectionMetric.VAL_ACCURACY, StudyParameter.HIDDEN_DROPOUT)
                .trial()).isEqualTo(1);
    }

    @Test
    void aParameterThatRegularisesWhenSmallerPicksTheSmallestValueWithin() {
        List<Selection.Candidate> units = List.of(trial(0, 8, 0.40, 0.05), trial(1, 16, 0.36, 0.05),
                trial(2, 32, 0.35, 0.04), trial(3, 64, 0.38, 0.04));

        assertThat(Selection.oneStandardError(units, SelectionMetric.VAL_LOSS, StudyParameter.HIDDEN_UNITS).trial())
                .as("16 units: 0.36 ≤ 0.39; 8 units: 0.40 is not").isEqualTo(1);
    }

    @Test
    void tiesGoToTheTrialVisitedFirstAndWithoutAnErrorOnlyTiesAreWithin() {
        List<Selection.Candidate> tied = List.of(trial(0, 10, 0.30, null), trial(1, 1, 0.30, null),
                trial(2, 0.1, 0.31, null));

        assertThat(Selection.best(tied, SelectionMetric.VAL_LOSS).trial()).isZero();
        assertThat(Selection.oneStandardError(tied, SelectionMetric.VAL_LOSS, StudyParameter.L2).trial()).isZero();
    }
}
