package dev.regtrain.data;

import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import java.util.Arrays;
import java.util.Objects;

/**
 * Which rows of a dataset train and which validate, each list ascending. The arrays are not copied; treat them as
 * read-only. {@link #equals} compares contents.
 */
public record Split(int[] train, int[] validation) {

    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        if (train.length == 0) {
            throw new IllegalArgumentException("a split needs at least one training row");
        }
        if (Arrays.stream(train).anyMatch(i -> i < 0) || Arrays.stream(validation).anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("row indices must not be negative");
        }
    }

    /**
     * Holds out {@code validationFraction} of the rows, drawing from the {@link RandomPurpose#SPLIT} stream of
     * {@code seed}. A classification is stratified: class by class, in class-index order, that class's rows (in row
     * order) are shuffled and the first round(fraction × count) of them validate (halves round up), but never all of
     * them, so every class keeps at least one training row. A regression shuffles all rows and holds out
     * round(fraction × rows). A fraction of 0 trains on every row and validates on none.
     *
     * @throws InvalidParameterException (parameter {@code validationSplit}) for a fraction outside [0, 1), or when a
     *         positive fraction would leave the validation or the training set empty
     */
    public static Split of(Dataset data, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new InvalidParameterException("validationSplit", "validationSplit must be at least 0 and below 1; got "
                    + Texts.number(validationFraction));
        }
        int rows = data.rows();
        if (validationFraction == 0) {
            int[] all = new int[rows];
            Arrays.setAll(all, i -> i);
            return new Split(all, new int[0]);
        }
        Rng rng = Rng.of(seed, RandomPurpose.SPLIT);
        boolean[] validates = data.task() == Task.CLASSIFICATION
                ? stratified(data, validationFraction, rng) : shuffled(rows, validationFraction, rng);
        int held = 0;
        for (boolean v : validates) {
            held += v ? 1 : 0;
        }
        if (held == 0) {
            throw new InvalidParameterException("validationSplit", "validationSplit " + Texts.number(validationFraction)
                    + " of " + rows + " rows leaves no row for validation; raise it, or use 0 for no validation");
        }
        if (held == rows) {
            throw new InvalidParameterException("validationSplit", "validationSplit " + Texts.number(validationFraction)
                    + " of " + rows + " rows leaves no row for training; lower it");
        }
        int[] train = new int[rows - held];
        int[] validation = new int[held];
        for (int i = 0, t = 0, v = 0; i < rows; i++) {
            if (validates[i]) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new Split(train, validation);
    }

    private static boolean[] stratified(Dataset data, double fraction, Rng rng) {
        int[][] byClass = new int[data.classCount()][];
        int[] counts = new int[byClass.length];
        for (int label : data.labels()) {
            counts[label]++;
        }
        for (int k = 0; k < byClass.length; k++) {
            byClass[k] = new int[counts[k]];
            counts[k] = 0;
        }
        for (int i = 0; i < data.rows(); i++) {
            int k = data.labels()[i];
            byClass[k][counts[k]++] = i;
        }
        boolean[] validates = new boolean[data.rows()];
        for (int[] members : byClass) {
            rng.shuffle(members, members.length);
            long held = Math.min(Math.round(fraction * members.length), members.length - 1L);
            for (int j = 0; j < held; j++) {
                validates[members[j]] = true;
            }
        }
        return validates;
    }

    private static boolean[] shuffled(int rows, double fraction, Rng rng) {
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order, rows);
        boolean[] validates = new boolean[rows];
        long held = Math.round(fraction * rows);
        for (int j = 0; j < held; j++) {
            validates[order[j]] = true;
        }
        return validates;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }

    @Override
    public String toString() {
        return "Split[" + train.length + " train, " + validation.length + " validation]";
    }
}
