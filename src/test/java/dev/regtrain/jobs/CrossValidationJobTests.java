package dev.regtrain.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.models.document.ModelMeta;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A job that names a fold validates on that fold and trains on the others, and standardises with the training folds'
 * statistics only: on data whose scale differs between folds, any leak of the validation fold would show.
 */
class CrossValidationJobTests {

    private final Lifecycle lifecycle = new Lifecycle();

    /** 30 rows; rows i with i mod 3 = 0 (fold 0 under modulo folds) are a thousand times larger than the others. */
    private String uploadScaledFolds() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 30; i++) {
            double x = i % 3 == 0 ? 1000.0 * (i + 1) : i + 1;
            csv.append(x).append(',').append(i % 2).append('\n');
        }
        return lifecycle.datasets.upload(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "scaled", "label", "classification", null).id();
    }

    private JobRecord run(String dataset, int fold) {
        JobRecord job = lifecycle.service.submit(Lifecycle.parse("""
                {"seed": 5, "dataset": {"id": "%s"}, "validationSplit": 0.5,
                 "training": {"epochs": 2, "batchSize": 0},
                 "crossValidation": {"folds": 3, "fold": %d, "assignment": "modulo"}}
                """.formatted(dataset, fold)));
        lifecycle.workOnNext();
        return lifecycle.service.get(job.id());
    }

    @Test
    void aFoldJobStandardisesWithItsTrainingFoldsOnly() {
        String dataset = uploadScaledFolds();

        JobRecord fold0 = run(dataset, 0);
        JobRecord fold1 = run(dataset, 1);

        assertThat(fold0.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(fold0.data().trainingExamples()).isEqualTo(20);
        assertThat(fold0.data().validationExamples()).isEqualTo(10);
        ModelMeta meta0 = lifecycle.store.loadModelMeta(fold0.id()).orElseThrow();
        ModelMeta meta1 = lifecycle.store.loadModelMeta(fold1.id()).orElseThrow();
        double[] expected0 = meanAndStd(0);
        double[] expected1 = meanAndStd(1);
        assertThat(meta0.standardization().mean()[0]).isCloseTo(expected0[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(meta0.standardization().std()[0]).isCloseTo(expected0[1], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(meta1.standardization().mean()[0]).isCloseTo(expected1[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(meta0.standardization().mean()[0]).as("no large row of fold 0 leaked into its statistics")
                .isLessThan(31);
        assertThat(meta1.standardization().mean()[0]).as("fold 1 trains on fold 0's large rows").isGreaterThan(1000);
        assertThat(fold0.request().crossValidation().seed()).as("the assignment's seed defaults to the job's")
                .isEqualTo(5L);
    }

    /** The population mean and standard deviation of x over the rows outside fold {@code k} (i mod 3 ≠ k). */
    private static double[] meanAndStd(int k) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < 30; i++) {
            if (i % 3 != k) {
                double x = i % 3 == 0 ? 1000.0 * (i + 1) : i + 1;
                sum += x;
                n++;
            }
        }
        double mean = sum / n;
        for (int i = 0; i < 30; i++) {
            if (i % 3 != k) {
                double x = i % 3 == 0 ? 1000.0 * (i + 1) : i + 1;
                squares += (x - mean) * (x - mean);
            }
        }
        return new double[] {mean, Math.sqrt(squares / n)};
    }

    @Test
    void badCrossValidationFieldsAreNamed() {
        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.parse("""
                {"dataset": {"builtin": "moons"}, "crossValidation": {"folds": 50, "fold": 0}}""")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("crossValidation.folds"));
        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.parse("""
                {"dataset": {"builtin": "moons"},
                 "crossValidation": {"folds": 3, "fold": 1, "assignment": "modulo", "repeat": 1}}""")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("crossValidation.repeat"));
        assertThatThrownBy(() -> lifecycle.service.submit(Lifecycle.parse("""
                {"dataset": {"builtin": "sine"}, "crossValidation": {"folds": 3, "assignment": "stratified"}}""")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("crossValidation.assignment"));
    }

    @Test
    void underCrossValidationTheFoldIsTheValidationPartSoValMonitorsNeedNoSplit() {
        JobRecord job = lifecycle.service.submit(Lifecycle.parse("""
                {"seed": 3, "dataset": {"builtin": "moons", "samples": 40}, "validationSplit": 0,
                 "training": {"epochs": 3, "batchSize": 0},
                 "regularization": {"earlyStopping": {"monitor": "val_loss", "patience": 5}},
                 "crossValidation": {"folds": 4, "fold": 3}}"""));
        lifecycle.workOnNext();

        JobRecord done = lifecycle.service.get(job.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.request().crossValidation().assignment()).isEqualTo("stratified");
        assertThat(done.data().validationExamples()).isEqualTo(10);
        assertThat(lifecycle.service.metrics(job.id())).allSatisfy(row -> assertThat(row.valLoss()).isNotNull());
    }
}
