package dev.regtrain.data;

import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import java.util.Arrays;

/**
 * K-fold cross-validation: which fold each row belongs to, and the split in which fold k validates and the other
 * folds train. Stratified and random assignments draw from the {@link RandomPurpose#FOLDS} stream of the seed;
 * repeat r of a repeated K-fold draws from a stream of its own, so that each repeat deals the rows differently.
 */
public final class Folds {

    /** The fewest and the most folds a cross-validation may have. */
    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 20;

    private static final long REPEAT_STEP = 0x9E3779B97F4A7C15L;

    private Folds() {
    }

    /**
     * The fold (0..folds−1) of every row.
     *
     * @throws InvalidParameterException (parameter {@code crossValidation.folds}) when there are fewer rows than folds
     */
    public static int[] assign(Dataset data, int folds, FoldAssignment assignment, long seed, int repeat) {
        if (folds < MIN_FOLDS || folds > MAX_FOLDS) {
            throw new InvalidParameterException("crossValidation.folds", "folds must be between " + MIN_FOLDS
                    + " and " + MAX_FOLDS + "; got " + folds);
        }
        if (data.rows() < folds) {
            throw new InvalidParameterException("crossValidation.folds", folds + " folds need at least " + folds
                    + " rows; the dataset " + Texts.quote(data.name()) + " has " + data.rows());
        }
        int[] fold = new int[data.rows()];
        switch (assignment) {
            case MODULO -> Arrays.setAll(fold, i -> i % folds);
            case RANDOM -> {
                int[] order = identity(data.rows());
                stream(seed, repeat).shuffle(order, order.length);
                deal(order, fold, folds, 0);
            }
            case STRATIFIED -> {
                if (data.task() != Task.CLASSIFICATION) {
                    throw new InvalidParameterException("crossValidation.assignment", "stratified folds need a "
                            + "classification; the dataset " + Texts.quote(data.name()) + " is a regression (use random)");
                }
                Rng rng = stream(seed, repeat);
                int turn = 0;
                for (int[] members : byClass(data)) {
                    rng.shuffle(members, members.length);
                    turn = deal(members, fold, folds, turn);
                }
            }
            default -> throw new IllegalArgumentException("unknown assignment " + assignment);
        }
        return fold;
    }

    /** Fold {@code k} validates, the other folds train; both lists ascending. */
    public static Split split(Dataset data, int folds, int k, FoldAssignment assignment, long seed, int repeat) {
        if (k < 0 || k >= folds) {
            throw new InvalidParameterException("crossValidation.fold", "fold must be between 0 and " + (folds - 1)
                    + "; got " + k);
        }
        int[] fold = assign(data, folds, assignment, seed, repeat);
        int held = 0;
        for (int f : fold) {
            held += f == k ? 1 : 0;
        }
        int[] train = new int[fold.length - held];
        int[] validation = new int[held];
        for (int i = 0, t = 0, v = 0; i < fold.length; i++) {
            if (fold[i] == k) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new Split(train, validation);
    }

    private static Rng stream(long seed, int repeat) {
        return Rng.of(seed + REPEAT_STEP * repeat, RandomPurpose.FOLDS);
    }

    /** Deals {@code rows} to the folds in turn, starting at {@code turn}; returns the next turn. */
    private static int deal(int[] rows, int[] fold, int folds, int turn) {
        for (int row : rows) {
            fold[row] = turn;
            turn = (turn + 1) % folds;
        }
        return turn;
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Each class's rows in row order, classes in class-index order. */
    private static int[][] byClass(Dataset data) {
        int[] counts = new int[data.classCount()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        int[][] members = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            members[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < data.rows(); i++) {
            int c = data.labels()[i];
            members[c][counts[c]++] = i;
        }
        return members;
    }
}
