package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.regtrain.engine.ConvexOracles;
import dev.regtrain.engine.Examples;
import dev.regtrain.jobs.JobStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A study of L2 logistic regression (no hidden layers, full batch, trained to convergence) with modulo folds against an
 * independent oracle: for every trial and fold, Newton's method on that fold's training rows (standardised with their
 * own statistics) gives the optimum, whose mean cross-entropy on the fold's validation rows is the value the study
 * must report; the means, standard errors and both selections then follow by hand.
 */
@Tag("slow")
class StudyOracleTests {

    private static final int ROWS = 90;
    private static final int INPUTS = 3;
    private static final int FOLDS = 3;
    private static final double[] L2 = {100, 10, 1, 0.1};

    private final StudyHarness harness = new StudyHarness();
    private final double[][] x = new double[ROWS][INPUTS];
    private final double[] y = new double[ROWS];

    private String upload() {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        double[] w = {1.5, -1.0, 0.5};
        for (int i = 0; i < ROWS; i++) {
            double z = 0.3;
            for (int j = 0; j < INPUTS; j++) {
                x[i][j] = random.nextGaussian() * (j + 1) + j;
                z += w[j] * (x[i][j] - j) / (j + 1);
                csv.append(x[i][j]).append(',');
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            csv.append((int) y[i]).append('\n');
        }
        return harness.datasets.upload(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "oracle", "label", "classification", null).id();
    }

    /** The oracle's validation loss of fold k at λ₂: Newton's optimum on the other folds, scored on fold k. */
    private double oracle(int k, double lambda2) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            (i % FOLDS == k ? validation : train).add(i);
        }
        double[] mean = new double[INPUTS];
        double[] std = new double[INPUTS];
        for (int j = 0; j < INPUTS; j++) {
            for (int i : train) {
                mean[j] += x[i][j] / train.size();
            }
            for (int i : train) {
                std[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / train.size();
            }
            std[j] = Math.sqrt(std[j]);
        }
        double[] features = new double[train.size() * INPUTS];
        double[] targets = new double[train.size()];
        for (int r = 0; r < train.size(); r++) {
            for (int j = 0; j < INPUTS; j++) {
                features[r * INPUTS + j] = (x[train.get(r)][j] - mean[j]) / std[j];
            }
            targets[r] = y[train.get(r)];
        }
        double[] theta = ConvexOracles.newtonL2(new Examples(features, targets, train.size(), INPUTS, 1), lambda2);
        double loss = 0;
        for (int i : validation) {
            double z = theta[INPUTS];
            for (int j = 0; j < INPUTS; j++) {
                z += theta[j] * (x[i][j] - mean[j]) / std[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            loss -= (y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)) / validation.size();
        }
        return loss;
    }

    private StudyRecord study(String dataset, String method, String rule) {
        StudyRecord study = harness.studies.create(StudyHarness.parse("""
                {"name": "oracle", "seed": 3,
                 "template": {"dataset": {"id": "%s"}, "network": {"hidden": []},
                              "training": {"epochs": 1500, "batchSize": 0, "optimizer": "momentum",
                                           "learningRate": 0.5, "momentum": 0.9}},
                 "search": {"method": "%s", "parameters": {"regularization.penalty.l2": {"values": [1, 100, 0.1, 10]}}},
                 "crossValidation": {"folds": 3, "assignment": "modulo"},
                 "selection": {"metric": "val_loss", "rule": "%s"}, "refit": false}
                """.formatted(dataset, method, rule)));
        harness.runAll();
        return harness.studies.get(study.id());
    }

    @Test
    void everyFoldsValidationLossIsTheOraclesAndTheRulesChooseAsByHand() {
        String dataset = upload();
        StudyRecord study = study(dataset, "path", "oneStandardError");

        assertThat(study.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(study.trials()).extracting(t -> t.parameters().get("regularization.penalty.l2"))
                .as("a path visits the strongest regularisation first").containsExactly(100.0, 10.0, 1.0, 0.1);
        double[] means = new double[L2.length];
        double[] errors = new double[L2.length];
        for (int t = 0; t < L2.length; t++) {
            TrialRecord trial = study.trials().get(t);
            double[] values = new double[FOLDS];
            for (FoldRecord fold : trial.folds()) {
                values[fold.fold()] = oracle(fold.fold(), L2[t]);
                assertThat(fold.value()).as("trial %d fold %d", t, fold.fold()).isCloseTo(values[fold.fold()],
                        offset(1e-7));
            }
            means[t] = (values[0] + values[1] + values[2]) / 3;
            double squares = 0;
            for (double v : values) {
                squares += (v - means[t]) * (v - means[t]);
            }
            errors[t] = Math.sqrt(squares / 2) / Math.sqrt(3);
            assertThat(trial.mean()).isCloseTo(means[t], offset(1e-7));
            assertThat(trial.standardError()).isCloseTo(errors[t], offset(1e-7));
        }
        int best = 0;
        for (int t = 1; t < L2.length; t++) {
            best = means[t] < means[best] ? t : best;
        }
        int oneSe = best;
        for (int t = 0; t < L2.length; t++) {
            if (means[t] <= means[best] + errors[best] && L2[t] > L2[oneSe]) {
                oneSe = t;
            }
        }
        assertThat(study.result().best().trial()).isEqualTo(best);
        assertThat(study.result().oneStandardError().trial()).isEqualTo(oneSe);
        assertThat(study.result().selected().trial()).isEqualTo(oneSe);
        assertThat(study.result().note()).contains("warm starts along the path");
    }

    @Test
    void aGridOfTheSameValuesReachesTheSameOptimaFromColdStarts() {
        String dataset = upload();
        StudyRecord study = study(dataset, "grid", "min");

        assertThat(study.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(study.trials()).extracting(t -> t.parameters().get("regularization.penalty.l2"))
                .as("a grid keeps the order given").containsExactly(1.0, 100.0, 0.1, 10.0);
        for (TrialRecord trial : study.trials()) {
            for (FoldRecord fold : trial.folds()) {
                assertThat(fold.value()).isCloseTo(oracle(fold.fold(),
                        trial.parameters().get("regularization.penalty.l2")), offset(1e-7));
            }
        }
        assertThat(study.result().oneStandardError()).as("computed even when min selects").isNotNull();
    }
}
