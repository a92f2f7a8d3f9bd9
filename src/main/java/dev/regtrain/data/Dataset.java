package dev.regtrain.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dataset as uploaded or generated, before any split or scaling. Features are row-major
 * ({@code features[i·inputs + j]}). A classification has its class names in {@code classes} (at least two, distinct,
 * each used by at least one row) and one class index per row in {@code labels}, and no {@code targets}; a regression
 * has one finite target per row in {@code targets}, and no {@code classes} or {@code labels}. {@code imageShape}, when
 * present, covers exactly the features of a row.
 *
 * <p>The arrays are not copied, neither here nor by the accessors (a dataset can hold millions of values): treat them
 * as read-only. {@link #equals} and {@link #hashCode} compare contents.
 */
public record Dataset(String name, double[] features, int rows, int inputs, List<String> featureNames, Task task,
        List<String> classes, int[] labels, double[] targets, ImageShape imageShape) {

    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dataset needs a name");
        }
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(task, "task");
        if (rows < 1 || inputs < 1) {
            throw new IllegalArgumentException("a dataset needs at least one row and one input; got " + rows
                    + " rows and " + inputs + " inputs");
        }
        if (features.length != (long) rows * inputs) {
            throw new IllegalArgumentException(rows + " rows of " + inputs + " inputs need " + (long) rows * inputs
                    + " feature values; got " + features.length);
        }
        requireFinite(features, "feature");
        featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        if (featureNames.size() != inputs) {
            throw new IllegalArgumentException(inputs + " inputs need as many feature names; got "
                    + featureNames.size());
        }
        requireDistinctNames(featureNames, "feature name");
        if (task == Task.CLASSIFICATION) {
            classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
            requireClassification(classes, labels, targets, rows);
        } else {
            if (classes != null || labels != null) {
                throw new IllegalArgumentException("a regression dataset has no classes or labels");
            }
            if (targets == null || targets.length != rows) {
                throw new IllegalArgumentException("a regression dataset needs one target per row");
            }
            requireFinite(targets, "target");
        }
        if (imageShape != null && imageShape.features() != inputs) {
            throw new IllegalArgumentException("imageShape " + imageShape + " needs " + imageShape.features()
                    + " features; the dataset has " + inputs);
        }
    }

    /** The number of classes of a classification, 0 for a regression. */
    public int classCount() {
        return classes == null ? 0 : classes.size();
    }

    private static void requireClassification(List<String> classes, int[] labels, double[] targets, int rows) {
        if (targets != null) {
            throw new IllegalArgumentException("a classification dataset has labels, not targets");
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classification needs at least 2 classes; got " + classes.size());
        }
        requireDistinctNames(classes, "class");
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException("a classification dataset needs one label per row");
        }
        boolean[] used = new boolean[classes.size()];
        for (int i = 0; i < rows; i++) {
            int label = labels[i];
            if (label < 0 || label >= used.length) {
                throw new IllegalArgumentException("row " + i + " has label " + label + "; the classes are 0 to "
                        + (used.length - 1));
            }
            used[label] = true;
        }
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) {
                throw new IllegalArgumentException("class " + Texts.quote(classes.get(k)) + " has no rows");
            }
        }
    }

    private static void requireDistinctNames(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a " + what + " must not be blank");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the " + what + " " + Texts.quote(name) + " appears twice");
            }
        }
    }

    private static void requireFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " value " + i + " is " + values[i] + "; values must be finite");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset d && rows == d.rows && inputs == d.inputs && name.equals(d.name)
                && task == d.task && featureNames.equals(d.featureNames) && Objects.equals(classes, d.classes)
                && Objects.equals(imageShape, d.imageShape) && Arrays.equals(features, d.features)
                && Arrays.equals(labels, d.labels) && Arrays.equals(targets, d.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rows, inputs, task, featureNames, classes, imageShape, Arrays.hashCode(features),
                Arrays.hashCode(labels), Arrays.hashCode(targets));
    }

    /** A summary; the values themselves are left out. */
    @Override
    public String toString() {
        return "Dataset[" + name + ", " + task + ", " + rows + " rows × " + inputs + " inputs"
                + (classes == null ? "" : ", classes " + classes) + (imageShape == null ? "" : ", image " + imageShape)
                + "]";
    }
}
