package dev.regtrain.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An evaluation's scores against hand-computed examples of their definitions. */
class EvaluationScoresTests {

    @Test
    void theConfusionMatrixCountsTrueClassesByRowAndPredictionsByColumn() {
        long[][] counts = EvaluationScores.confusionMatrix(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 2},
                3);

        assertThat(counts).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
    }

    @Test
    void precisionRecallAndF1FollowFromTheMatrixAndAreNullWhereTheyDivideByZero() {
        long[][] counts = {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}};
        List<ClassificationEvaluation.ClassScores> scores = EvaluationScores.perClass(counts, List.of("a", "b", "c"));

        // a: TP 1, predicted 2, actual 2; b: TP 1, predicted 2, actual 1; c: TP 2, predicted 2, actual 3
        assertThat(scores.get(0).precision()).isEqualTo(0.5);
        assertThat(scores.get(0).recall()).isEqualTo(0.5);
        assertThat(scores.get(0).f1()).isEqualTo(0.5);
        assertThat(scores.get(1).f1()).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-15));
        assertThat(scores.get(2).recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(scores.get(2).support()).isEqualTo(3);
        List<ClassificationEvaluation.ClassScores> never = EvaluationScores.perClass(new long[][] {{2, 0}, {1, 0}},
                List.of("x", "y"));
        assertThat(never.get(1).precision()).isNull();
        assertThat(never.get(1).recall()).isEqualTo(0.0);
        assertThat(never.get(1).f1()).isNull();
    }

    @Test
    void theRocAucIsTheShareOfPositiveNegativePairsRankedRightWithTiesCountingHalf() {
        // positives 0.9, 0.5, 0.3; negatives 0.5, 0.2: pairs (0.9>0.5, 0.9>0.2, 0.5=0.5, 0.5>0.2, 0.3<0.5, 0.3>0.2)
        // = 1 + 1 + 0.5 + 1 + 0 + 1 = 4.5 of 6
        Double auc = EvaluationScores.rocAuc(new double[] {0.9, 0.5, 0.5, 0.3, 0.2},
                new boolean[] {true, true, false, true, false});

        assertThat(auc).isEqualTo(0.75);
        assertThat(EvaluationScores.rocAuc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNull();
    }

    @Test
    void regressionScoresAreRootMeanSquareMeanAbsoluteAndTheShareOfVarianceExplained() {
        double[] scores = EvaluationScores.regression(new double[] {1, 2, 4}, new double[] {1, 3, 3});

        // errors 0, −1, 1: RMSE √(2/3), MAE 2/3; mean 7/3, SS_tot = 16/9 + 4/9 + 4/9 = 24/9, R² = 1 − 2/(24/9)
        assertThat(scores[0]).isCloseTo(Math.sqrt(2.0 / 3), within(1e-15));
        assertThat(scores[1]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(scores[2]).isCloseTo(1 - 2 / (24.0 / 9), within(1e-15));
        assertThat(EvaluationScores.regression(new double[] {1, 2}, new double[] {5, 5})[2]).isNaN();
    }
}
