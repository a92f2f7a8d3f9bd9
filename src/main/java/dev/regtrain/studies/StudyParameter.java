package dev.regtrain.studies;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parameters a study may search, by their dotted path into the job template, each with its own range and the
 * direction in which it regularises more (MATH.md, "Cross-validation and selection"). The one list that validation,
 * the OpenAPI document and the dashboard (through the options endpoint) read.
 */
public enum StudyParameter {
    L1("regularization.penalty.l1", 0, false, Double.MAX_VALUE, false, false, Regularises.WHEN_LARGER, true),
    L2("regularization.penalty.l2", 0, false, Double.MAX_VALUE, false, false, Regularises.WHEN_LARGER, true),
    WEIGHT_DECAY("regularization.penalty.weightDecay", 0, false, Double.MAX_VALUE, false, false,
            Regularises.WHEN_LARGER, true),
    HIDDEN_DROPOUT("regularization.dropout.hidden", 0, false, 1, true, false, Regularises.WHEN_LARGER, true),
    INPUT_DROPOUT("regularization.dropout.input", 0, false, 1, true, false, Regularises.WHEN_LARGER, true),
    MAX_NORM("regularization.penalty.maxNorm", 0, true, Double.MAX_VALUE, false, false, Regularises.WHEN_SMALLER,
            false),
    PATIENCE("regularization.earlyStopping.patience", 0, false, 100_000, false, true, Regularises.WHEN_SMALLER, false),
    LABEL_SMOOTHING("regularization.labelSmoothing", 0, false, 1, true, false, Regularises.WHEN_LARGER, false),
    LEARNING_RATE("training.learningRate", 0, true, 1000, false, false, Regularises.NEITHER, false),
    BATCH_SIZE("training.batchSize", 0, false, 1_000_000, false, true, Regularises.NEITHER, false),
    HIDDEN_UNITS("network.hidden[*].units", 1, false, 100_000, false, true, Regularises.WHEN_SMALLER, false);

    /** Which way a parameter regularises more: the one-standard-error rule picks the most regularised trial. */
    public enum Regularises { WHEN_LARGER, WHEN_SMALLER, NEITHER }

    private final String path;
    private final double lowest;
    private final boolean lowestExcluded;
    private final double highest;
    private final boolean highestExcluded;
    private final boolean integer;
    private final Regularises regularises;
    private final boolean strength;

    StudyParameter(String path, double lowest, boolean lowestExcluded, double highest, boolean highestExcluded,
                   boolean integer, Regularises regularises, boolean strength) {
        this.path = path;
        this.lowest = lowest;
        this.lowestExcluded = lowestExcluded;
        this.highest = highest;
        this.highestExcluded = highestExcluded;
        this.integer = integer;
        this.regularises = regularises;
        this.strength = strength;
    }

    public String path() {
        return path;
    }

    public boolean integer() {
        return integer;
    }

    public Regularises regularises() {
        return regularises;
    }

    /** A regularisation strength, which a {@code path} search may follow from strong to weak. */
    public boolean strength() {
        return strength;
    }

    public static Optional<StudyParameter> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    public static List<String> paths() {
        return Arrays.stream(values()).map(StudyParameter::path).toList();
    }

    /** Why {@code value} is not a value of this parameter, or null when it is. */
    public String problem(double value) {
        if (!Double.isFinite(value)) {
            return "values must be finite numbers";
        }
        if (integer && value != Math.rint(value)) {
            return "takes whole numbers; got " + value;
        }
        boolean low = lowestExcluded ? value <= lowest : value < lowest;
        boolean high = highestExcluded ? value >= highest : value > highest;
        return low || high ? "must be in " + range() + "; got " + format(value) : null;
    }

    /** What the options endpoint tells a client (the dashboard) about the parameter. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StudyParameterDescription")
    public record Description(String path, double lowest, boolean lowestExcluded, Double highest,
                              boolean highestExcluded, boolean integer, String regularises, boolean strength,
                              String range) {
    }

    public Description describe() {
        return new Description(path, lowest, lowestExcluded, highest == Double.MAX_VALUE ? null : highest,
                highestExcluded, integer, regularises.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                strength, range());
    }

    /** The range as a sentence fragment, e.g. {@code [0, 1)}. */
    public String range() {
        return (lowestExcluded ? "(" : "[") + format(lowest) + ", "
                + (highest == Double.MAX_VALUE ? "∞)" : format(highest) + (highestExcluded ? ")" : "]"));
    }

    /** Whether {@code a} regularises more than {@code b}. */
    public boolean strongerThan(double a, double b) {
        return switch (regularises) {
            case WHEN_LARGER -> a > b;
            case WHEN_SMALLER -> a < b;
            case NEITHER -> false;
        };
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
