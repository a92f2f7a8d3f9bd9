package dev.regtrain.data;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made datasets for tests. */
final class TestData {

    private TestData() {
    }

    /** A classification whose row i has features (i, 10·i, ...) and the label given. */
    static Dataset classification(int inputs, int classes, int... labels) {
        return new Dataset("hand", rowIndexFeatures(labels.length, inputs), labels.length, inputs, names(inputs),
                Task.CLASSIFICATION, classNames(classes), labels, null, null);
    }

    /** A regression whose row i has features (i, 10·i, ...) and the target given. */
    static Dataset regression(int inputs, double... targets) {
        return new Dataset("hand", rowIndexFeatures(targets.length, inputs), targets.length, inputs, names(inputs),
                Task.REGRESSION, null, null, targets, null);
    }

    /** Row-major features from rows written out. */
    static double[] rows(double[]... rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return flat;
    }

    static List<String> names(int inputs) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= inputs; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    private static double[] rowIndexFeatures(int rows, int inputs) {
        double[] features = new double[rows * inputs];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < inputs; j++) {
                features[i * inputs + j] = i * Math.pow(10, j);
            }
        }
        return features;
    }
}
