package dev.regtrain.data;

import dev.regtrain.engine.Examples;
import dev.regtrain.engine.FeatureValues;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;

/** Turns a dataset and its split into the engine's examples: copied rows, standardised, with encoded targets. */
public final class Preparation {

    private Preparation() {
    }

    /** The output that {@code "auto"} means: sigmoid for 2 classes, softmax for more, linear for a regression. */
    public static Output autoOutput(Dataset data) {
        if (data.task() == Task.REGRESSION) {
            return Output.LINEAR;
        }
        return data.classCount() == 2 ? Output.SIGMOID : Output.SOFTMAX;
    }

    /**
     * Copies the split's rows out of {@code data} (which is never changed), standardises them with statistics of the
     * training rows only (or not at all, when {@code standardize} is false) and encodes the targets for
     * {@code output}: SIGMOID needs exactly 2 classes and gives one target, 1 for class index 1 and 0 for class index
     * 0; SOFTMAX needs a classification and gives one-hot rows over all classes; LINEAR needs a regression and gives
     * the target value.
     *
     * @throws InvalidParameterException (parameter {@code network.output}) when the output does not suit the dataset
     */
    public static PreparedData prepare(Dataset data, Split split, boolean standardize, Output output) {
        return prepare(data, split, standardize, output, Precision.FLOAT64);
    }

    /**
     * As {@link #prepare(Dataset, Split, boolean, Output)}, with the features held in {@code precision}: for float32
     * each standardised value is rounded to float as its row is copied, so the examples never exist in double.
     */
    public static PreparedData prepare(Dataset data, Split split, boolean standardize, Output output,
                                       Precision precision) {
        int outputs = outputsFor(data, output);
        checkRows(split.train(), data.rows());
        checkRows(split.validation(), data.rows());
        Standardization standardization = standardize ? Standardization.fit(data, split.train())
                : Standardization.identity(data.inputs());
        Examples train = examples(data, split.train(), standardization, output, outputs, precision);
        Examples validation = split.validation().length == 0 ? null
                : examples(data, split.validation(), standardization, output, outputs, precision);
        return new PreparedData(train, validation, standardization);
    }

    private static int outputsFor(Dataset data, Output output) {
        boolean regression = data.task() == Task.REGRESSION;
        switch (output) {
            case SIGMOID -> {
                if (regression || data.classCount() != 2) {
                    throw new InvalidParameterException("network.output", "a sigmoid output needs exactly 2 classes; "
                            + describe(data) + (regression ? " (use linear)" : " (use softmax)"));
                }
                return 1;
            }
            case SOFTMAX -> {
                if (regression) {
                    throw new InvalidParameterException("network.output", "a softmax output needs a classification; "
                            + describe(data) + " (use linear)");
                }
                return data.classCount();
            }
            case LINEAR -> {
                if (!regression) {
                    throw new InvalidParameterException("network.output", "a linear output needs a regression; "
                            + describe(data) + (data.classCount() == 2 ? " (use sigmoid)" : " (use softmax)"));
                }
                return 1;
            }
            default -> throw new IllegalArgumentException("unknown output " + output);
        }
    }

    private static String describe(Dataset data) {
        return "the dataset " + Texts.quote(data.name()) + " is " + (data.task() == Task.REGRESSION ? "a regression"
                : "a classification with " + data.classCount() + " classes");
    }

    private static void checkRows(int[] rows, int available) {
        for (int row : rows) {
            if (row >= available) {
                throw new IllegalArgumentException("the split names row " + row + "; the dataset has " + available);
            }
        }
    }

    private static Examples examples(Dataset data, int[] rows, Standardization standardization, Output output,
            int outputs, Precision precision) {
        int inputs = data.inputs();
        double[] targets = new double[rows.length * outputs];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            switch (output) {
                case SIGMOID -> targets[i] = data.labels()[row];
                case SOFTMAX -> targets[i * outputs + data.labels()[row]] = 1.0;
                default -> targets[i] = data.targets()[row];
            }
        }
        FeatureValues features = precision == Precision.FLOAT32 ? floatFeatures(data, rows, standardization)
                : new FeatureValues.Doubles(doubleFeatures(data, rows, standardization));
        return new Examples(features, targets, rows.length, inputs, outputs);
    }

    private static double[] doubleFeatures(Dataset data, int[] rows, Standardization standardization) {
        int inputs = data.inputs();
        double[] features = new double[rows.length * inputs];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.features(), rows[i] * inputs, features, i * inputs, inputs);
        }
        standardization.applyInPlace(features, rows.length);
        return features;
    }

    /** Row by row through one row of doubles: each value standardised as in double, then rounded once. */
    private static FeatureValues.Floats floatFeatures(Dataset data, int[] rows, Standardization standardization) {
        int inputs = data.inputs();
        float[] features = new float[rows.length * inputs];
        double[] row = new double[inputs];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.features(), rows[i] * inputs, row, 0, inputs);
            standardization.applyInPlace(row, 1);
            for (int j = 0; j < inputs; j++) {
                features[i * inputs + j] = (float) row[j];
            }
        }
        return new FeatureValues.Floats(features);
    }
}
