package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.Examples;
import dev.regtrain.engine.FeatureValues;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparationTests {

    private static final Split FOUR_AND_TWO = new Split(new int[] {0, 1, 2, 3}, new int[] {4, 5});

    private static void mismatch(Dataset d, Output output, String message) {
        assertThatThrownBy(() -> Preparation.prepare(d, FOUR_AND_TWO, true, output))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("network.output"))
                .hasMessage(message);
    }

    @Test
    void sigmoidTargetsAreOneForClassIndexOne() {
        Dataset d = new Dataset("yn", new double[] {0, 1, 2, 3, 4, 5}, 6, 1, List.of("x"), Task.CLASSIFICATION,
                List.of("no", "yes"), new int[] {1, 0, 0, 1, 1, 0}, null, null);

        PreparedData p = Preparation.prepare(d, FOUR_AND_TWO, false, Output.SIGMOID);

        assertThat(p.train().outputs()).isEqualTo(1);
        assertThat(p.train().targets()).containsExactly(1, 0, 0, 1);
        assertThat(p.validation().targets()).containsExactly(1, 0);
    }

    @Test
    void softmaxTargetsAreOneHotOverAllClasses() {
        Dataset d = TestData.classification(1, 3, 2, 0, 1, 1, 0, 2);

        PreparedData p = Preparation.prepare(d, FOUR_AND_TWO, false, Output.SOFTMAX);

        assertThat(p.train().outputs()).isEqualTo(3);
        assertThat(p.train().targets()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0);
        assertThat(p.validation().targets()).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(Preparation.prepare(TestData.classification(1, 2, 1, 0, 1, 0, 0, 1), FOUR_AND_TWO, false,
                Output.SOFTMAX).validation().targets()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void linearTargetsAreTheValues() {
        Dataset d = TestData.regression(1, 0.5, -1, 2, 3.25, 4, 5);

        PreparedData p = Preparation.prepare(d, FOUR_AND_TWO, false, Output.LINEAR);

        assertThat(p.train().targets()).containsExactly(0.5, -1, 2, 3.25);
        assertThat(p.validation().targets()).containsExactly(4, 5);
    }

    @Test
    void featuresAreStandardisedWithTrainingStatisticsOnly() {
        Dataset d = TestData.regression(2, 0, 0, 0, 0, 0, 0); // row i = (i, 10·i)

        PreparedData p = Preparation.prepare(d, FOUR_AND_TWO, true, Output.LINEAR);
        double s = Math.sqrt(1.25); // rows 0..3, first column: mean 1.5, population variance 5/4
        double t = Math.sqrt(125); // second column: mean 15, population variance 500/4

        assertThat(p.standardization().mean()).containsExactly(1.5, 15);
        assertThat(p.standardization().std()).containsExactly(s, t);
        assertThat(p.train().features()).containsExactly(-1.5 / s, -15 / t, -0.5 / s, -5 / t, 0.5 / s, 5 / t, 1.5 / s,
                15 / t);
        assertThat(p.validation().features()).containsExactly(2.5 / s, 25 / t, 3.5 / s, 35 / t);
    }

    @Test
    void withoutStandardisationTheRowsAreCopiedAsTheyAre() {
        Dataset d = TestData.regression(2, 0, 0, 0, 0, 0, 0);
        Split shuffled = new Split(new int[] {5, 0, 3}, new int[] {1});

        PreparedData p = Preparation.prepare(d, shuffled, false, Output.LINEAR);

        assertThat(p.standardization()).isEqualTo(Standardization.identity(2));
        assertThat(p.train().features()).containsExactly(5, 50, 0, 0, 3, 30);
        assertThat(p.validation().features()).containsExactly(1, 10);
    }

    @Test
    void theDatasetIsNeverChanged() {
        Dataset d = TestData.classification(2, 2, 0, 1, 0, 1, 0, 1);
        double[] before = d.features().clone();

        PreparedData p = Preparation.prepare(d, FOUR_AND_TWO, true, Output.SIGMOID);

        assertThat(d.features()).isEqualTo(before);
        assertThat(p.train().features()).isNotSameAs(d.features());
    }

    @Test
    void noValidationRowsMeanNoValidationExamples() {
        Dataset d = TestData.regression(1, 1, 2, 3);

        PreparedData p = Preparation.prepare(d, Split.of(d, 0, 1), true, Output.LINEAR);

        assertThat(p.validation()).isNull();
        assertThat(p.train().rows()).isEqualTo(3);
    }

    @Test
    void anOutputThatDoesNotSuitTheDatasetIsRefused() {
        Dataset three = TestData.classification(1, 3, 0, 1, 2, 0, 1, 2);
        Dataset two = TestData.classification(1, 2, 0, 1, 0, 1, 0, 1);
        Dataset values = TestData.regression(1, 1, 2, 3, 4, 5, 6);

        mismatch(three, Output.SIGMOID, "a sigmoid output needs exactly 2 classes; the dataset 'hand' is a "
                + "classification with 3 classes (use softmax)");
        mismatch(values, Output.SIGMOID, "a sigmoid output needs exactly 2 classes; the dataset 'hand' is a "
                + "regression (use linear)");
        mismatch(values, Output.SOFTMAX, "a softmax output needs a classification; the dataset 'hand' is a "
                + "regression (use linear)");
        mismatch(two, Output.LINEAR, "a linear output needs a regression; the dataset 'hand' is a classification "
                + "with 2 classes (use sigmoid)");
        mismatch(three, Output.LINEAR, "a linear output needs a regression; the dataset 'hand' is a classification "
                + "with 3 classes (use softmax)");
    }

    @Test
    void autoPicksTheOutputThatSuitsTheDataset() {
        assertThat(Preparation.autoOutput(TestData.classification(1, 2, 0, 1))).isEqualTo(Output.SIGMOID);
        assertThat(Preparation.autoOutput(TestData.classification(1, 3, 0, 1, 2))).isEqualTo(Output.SOFTMAX);
        assertThat(Preparation.autoOutput(TestData.regression(1, 0, 1))).isEqualTo(Output.LINEAR);
    }

    @Test
    void aSplitNamingRowsBeyondTheDatasetIsRefused() {
        Dataset d = TestData.regression(1, 1, 2, 3);

        assertThatThrownBy(() -> Preparation.prepare(d, new Split(new int[] {0, 3}, new int[0]), true, Output.LINEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the split names row 3; the dataset has 3");
    }

    @Test
    void preparedExamplesAreWhatTheEngineExpects() {
        Dataset d = BuiltinDatasets.generate("spirals", Map.of("samples", 90.0), 4);

        PreparedData p = Preparation.prepare(d, Split.of(d, 0.2, 4), true, Preparation.autoOutput(d));
        Examples train = p.train();

        assertThat(train.rows() + p.validation().rows()).isEqualTo(90);
        assertThat(train.inputs()).isEqualTo(2);
        assertThat(train.outputs()).isEqualTo(3);
        assertThat(p.validation().rows()).isEqualTo(18);
    }

    @Test
    void inFloat32TheFeaturesAreTheStandardisedDoublesRoundedOnceAndTheTargetsStayDoubles() {
        Dataset d = BuiltinDatasets.generate("spirals", Map.of("samples", 90.0), 4);
        Split split = Split.of(d, 0.2, 4);

        PreparedData doubles = Preparation.prepare(d, split, true, Output.SOFTMAX);
        PreparedData floats = Preparation.prepare(d, split, true, Output.SOFTMAX, Precision.FLOAT32);

        for (String part : List.of("train", "validation")) {
            Examples reference = part.equals("train") ? doubles.train() : doubles.validation();
            Examples single = part.equals("train") ? floats.train() : floats.validation();
            float[] values = ((FeatureValues.Floats) single.values()).values();
            assertThat(values).as(part).hasSize(reference.features().length);
            for (int i = 0; i < values.length; i++) {
                assertThat(values[i]).as(part + " value " + i).isEqualTo((float) reference.features()[i]);
            }
            assertThat(single.targets()).as(part).containsExactly(reference.targets());
            assertThat(single.precision()).isEqualTo(Precision.FLOAT32);
            assertThatThrownBy(single::features).isInstanceOf(IllegalStateException.class)
                    .hasMessage("these examples are held in float32");
        }
        assertThat(floats.standardization()).isEqualTo(doubles.standardization());
        assertThat(doubles.train().inPrecision(Precision.FLOAT64)).isSameAs(doubles.train());
        assertThatThrownBy(() -> floats.train().inPrecision(Precision.FLOAT64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("examples held in float32 cannot be held in float64");
    }
}
