package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTests {

    /** 30 rows of class 0 and 12 of class 1, the second class bunched at the end (as a sorted file has them). */
    private static Dataset unbalanced() {
        int[] labels = IntStream.range(0, 42).map(i -> i < 30 ? 0 : 1).toArray();
        return TestData.classification(2, 2, labels);
    }

    private static int[] perFold(int[] fold, int folds, int[] labels, int label) {
        int[] counts = new int[folds];
        for (int i = 0; i < fold.length; i++) {
            if (labels == null || labels[i] == label) {
                counts[fold[i]]++;
            }
        }
        return counts;
    }

    @Test
    void moduloPutsRowIIntoFoldIModK() {
        int[] fold = Folds.assign(unbalanced(), 4, FoldAssignment.MODULO, 99, 0);

        assertThat(fold).containsExactly(IntStream.range(0, 42).map(i -> i % 4).toArray());
        assertThat(Folds.assign(unbalanced(), 4, FoldAssignment.MODULO, 1, 0)).as("no seed is involved")
                .containsExactly(fold);
    }

    @Test
    void stratifiedFoldsEachHoldTheirShareOfEveryClass() {
        Dataset data = unbalanced();
        int[] fold = Folds.assign(data, 5, FoldAssignment.STRATIFIED, 7, 0);

        assertThat(perFold(fold, 5, data.labels(), 0)).containsOnly(6);
        assertThat(Arrays.stream(perFold(fold, 5, data.labels(), 1)).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(2, 3));
        assertThat(Arrays.stream(perFold(fold, 5, null, 0)).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(8, 9));
    }

    @Test
    void theSameSeedDealsTheSameFoldsAndAnotherSeedOrRepeatDealsOthers() {
        Dataset data = unbalanced();
        int[] first = Folds.assign(data, 5, FoldAssignment.STRATIFIED, 7, 0);

        assertThat(Folds.assign(data, 5, FoldAssignment.STRATIFIED, 7, 0)).containsExactly(first);
        assertThat(Folds.assign(data, 5, FoldAssignment.STRATIFIED, 8, 0)).isNotEqualTo(first);
        assertThat(Folds.assign(data, 5, FoldAssignment.STRATIFIED, 7, 1)).isNotEqualTo(first);
        assertThat(Folds.assign(data, 5, FoldAssignment.RANDOM, 7, 0))
                .isNotEqualTo(Folds.assign(data, 5, FoldAssignment.RANDOM, 7, 1));
    }

    @Test
    void randomFoldsDifferInSizeByAtMostOneRow() {
        int[] fold = Folds.assign(TestData.regression(1, new double[23]), 4, FoldAssignment.RANDOM, 3, 0);

        assertThat(perFold(fold, 4, null, 0)).containsExactlyInAnyOrder(6, 6, 6, 5);
        assertThat(fold).isNotEqualTo(IntStream.range(0, 23).map(i -> i % 4).toArray());
    }

    @Test
    void foldKValidatesAndTheOthersTrainTogetherCoveringEveryRowOnce() {
        Dataset data = unbalanced();
        int[] fold = Folds.assign(data, 5, FoldAssignment.STRATIFIED, 7, 0);
        int[] everyValidationRow = new int[0];
        for (int k = 0; k < 5; k++) {
            Split split = Folds.split(data, 5, k, FoldAssignment.STRATIFIED, 7, 0);
            int current = k;
            assertThat(Arrays.stream(split.validation()).boxed().toList()).allSatisfy(row -> assertThat(fold[row]).isEqualTo(current));
            assertThat(Arrays.stream(split.train()).boxed().toList()).allSatisfy(row -> assertThat(fold[row]).isNotEqualTo(current));
            assertThat(split.train().length + split.validation().length).isEqualTo(42);
            int[] joined = Arrays.copyOf(everyValidationRow, everyValidationRow.length + split.validation().length);
            System.arraycopy(split.validation(), 0, joined, everyValidationRow.length, split.validation().length);
            everyValidationRow = joined;
        }
        assertThat(Arrays.stream(everyValidationRow).sorted().toArray()).containsExactly(IntStream.range(0, 42).toArray());
    }

    @Test
    void refusesMoreFoldsThanRowsAndStratifiedFoldsOfARegression() {
        assertThatThrownBy(() -> Folds.assign(TestData.regression(1, new double[3]), 4, FoldAssignment.RANDOM, 1, 0))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("crossValidation.folds"));
        assertThatThrownBy(() -> Folds.assign(TestData.regression(1, new double[9]), 3, FoldAssignment.STRATIFIED, 1,
                0)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("crossValidation.assignment"));
        assertThatThrownBy(() -> Folds.split(unbalanced(), 3, 3, FoldAssignment.MODULO, 1, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("between 0 and 2");
    }
}
