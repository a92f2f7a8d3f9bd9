package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DatasetTests {

    private static final double[] FOUR = {1, 2, 3, 4};

    private static Dataset classification(double[] features, List<String> classes, int... labels) {
        return new Dataset("d", features, labels.length, features.length / labels.length,
                TestData.names(features.length / labels.length), Task.CLASSIFICATION, classes, labels, null, null);
    }

    private static void refused(ThrowingCallable construction, String messagePart) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void aValidClassificationKeepsItsFields() {
        Dataset d = new Dataset("d", FOUR, 2, 2, List.of("a", "b"), Task.CLASSIFICATION, List.of("no", "yes"),
                new int[] {1, 0}, null, new ImageShape(1, 2, 1));

        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.inputs()).isEqualTo(2);
        assertThat(d.classCount()).isEqualTo(2);
        assertThat(d.labels()).containsExactly(1, 0);
        assertThat(d.targets()).isNull();
    }

    @Test
    void aValidRegressionHasNoClasses() {
        Dataset d = TestData.regression(1, 0.5, -1.5);

        assertThat(d.classes()).isNull();
        assertThat(d.labels()).isNull();
        assertThat(d.classCount()).isZero();
        assertThat(d.targets()).containsExactly(0.5, -1.5);
    }

    @Test
    void featuresMustMatchRowsTimesInputs() {
        refused(() -> new Dataset("d", FOUR, 2, 3, TestData.names(3), Task.REGRESSION, null, null,
                new double[2], null), "need 6 feature values; got 4");
    }

    @Test
    void everyFeatureAndTargetMustBeFinite() {
        refused(() -> TestData.regression(1, 1.0, Double.NaN), "target value 1 is NaN");
        refused(() -> new Dataset("d", new double[] {1, Double.POSITIVE_INFINITY}, 2, 1, List.of("x"),
                Task.REGRESSION, null, null, new double[2], null), "feature value 1 is Infinity");
    }

    @Test
    void labelsMustIndexTheClasses() {
        refused(() -> classification(FOUR, List.of("a", "b"), 0, 2), "row 1 has label 2; the classes are 0 to 1");
        refused(() -> classification(FOUR, List.of("a", "b"), -1, 1), "row 0 has label -1");
        refused(() -> new Dataset("d", FOUR, 2, 2, TestData.names(2), Task.CLASSIFICATION, List.of("a", "b"),
                new int[] {0}, null, null), "one label per row");
    }

    @Test
    void aClassificationNeedsTwoDistinctUsedClasses() {
        refused(() -> classification(FOUR, List.of("a"), 0, 0), "at least 2 classes; got 1");
        refused(() -> classification(FOUR, List.of("a", "a"), 0, 1), "'a' appears twice");
        refused(() -> classification(FOUR, List.of("a", "b", "c"), 0, 1), "class 'c' has no rows");
        refused(() -> classification(FOUR, List.of("a", " "), 0, 1), "must not be blank");
    }

    @Test
    void theTaskDecidesWhichOfLabelsAndTargetsIsSet() {
        refused(() -> new Dataset("d", FOUR, 2, 2, TestData.names(2), Task.CLASSIFICATION, List.of("a", "b"),
                new int[] {0, 1}, new double[2], null), "labels, not targets");
        refused(() -> new Dataset("d", FOUR, 2, 2, TestData.names(2), Task.REGRESSION, List.of("a", "b"),
                null, new double[2], null), "no classes or labels");
        refused(() -> new Dataset("d", FOUR, 2, 2, TestData.names(2), Task.REGRESSION, null, null,
                new double[3], null), "one target per row");
    }

    @Test
    void featureNamesMustBeOnePerInputAndDistinct() {
        refused(() -> new Dataset("d", FOUR, 2, 2, List.of("x"), Task.REGRESSION, null, null, new double[2], null),
                "2 inputs need as many feature names; got 1");
        refused(() -> new Dataset("d", FOUR, 2, 2, List.of("x", "x"), Task.REGRESSION, null, null, new double[2],
                null), "'x' appears twice");
    }

    @Test
    void anImageShapeMustCoverTheFeatures() {
        refused(() -> new Dataset("d", FOUR, 1, 4, TestData.names(4), Task.REGRESSION, null, null, new double[1],
                new ImageShape(3, 1, 1)), "imageShape 3x1 needs 3 features; the dataset has 4");
    }

    @Test
    void aDatasetNeedsANameAndARow() {
        refused(() -> new Dataset(" ", FOUR, 2, 2, TestData.names(2), Task.REGRESSION, null, null, new double[2],
                null), "name");
        refused(() -> new Dataset("d", new double[0], 0, 2, TestData.names(2), Task.REGRESSION, null, null,
                new double[0], null), "at least one row");
    }

    @Test
    void equalityComparesTheContentsOfTheArrays() {
        Dataset a = TestData.classification(2, 2, 0, 1, 1);
        Dataset b = TestData.classification(2, 2, 0, 1, 1);
        Dataset c = TestData.classification(2, 2, 0, 1, 0);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void theTextFormSummarisesWithoutTheValues() {
        assertThat(TestData.classification(2, 2, 0, 1, 1))
                .hasToString("Dataset[hand, CLASSIFICATION, 3 rows × 2 inputs, classes [0, 1]]");
    }
}
