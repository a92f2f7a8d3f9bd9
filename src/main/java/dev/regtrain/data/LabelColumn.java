package dev.regtrain.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label column as it streams in: per row, the id of its (trimmed) label among the distinct labels seen so far
 * and, unless the task is CLASSIFICATION, its numeric value; at the end, the task and the encoded labels or targets.
 */
final class LabelColumn {

    /** AUTO picks classification for integer labels with at most this many distinct values. */
    static final int AUTO_MAX_INTEGER_CLASSES = 20;

    private final String column;
    private final TaskChoice choice;
    private final GrowableArrays.Doubles values = new GrowableArrays.Doubles();
    private final GrowableArrays.Ints ids = new GrowableArrays.Ints();
    private final Map<String, Integer> idsByLabel = new HashMap<>();
    private final List<String> labelsById = new ArrayList<>();
    private boolean allNumbers = true;
    private boolean allIntegers = true;

    record Encoded(Task task, List<String> classes, int[] labels, double[] targets) {
    }

    LabelColumn(String column, TaskChoice choice) {
        this.column = column;
        this.choice = choice;
    }

    void add(String label, long line) {
        if (label.isEmpty()) {
            throw new CsvFormatException(line, "line " + line + ": the label in column " + Texts.quote(column)
                    + " is empty");
        }
        double value = CsvNumbers.parse(label);
        if (choice == TaskChoice.REGRESSION && Double.isNaN(value)) {
            throw new CsvFormatException(line, "line " + line + ": the label " + Texts.quote(label) + " in column "
                    + Texts.quote(column) + " is not a " + (CsvNumbers.namesNonFinite(label) ? "finite " : "")
                    + "number, and a regression needs numbers");
        }
        if (choice != TaskChoice.CLASSIFICATION) {
            values.add(value);
        }
        if (choice != TaskChoice.REGRESSION) {
            allNumbers &= !Double.isNaN(value);
            allIntegers &= value == Math.rint(value);
            Integer id = idsByLabel.get(label);
            if (id == null) {
                id = labelsById.size();
                idsByLabel.put(label, id);
                labelsById.add(label);
            }
            ids.add(id);
        }
    }

    Encoded encode() {
        if (task() == Task.REGRESSION) {
            return new Encoded(Task.REGRESSION, null, null, values.toArray());
        }
        if (labelsById.size() < 2) {
            throw new CsvFormatException(0, "the label column " + Texts.quote(column) + " has only one class, "
                    + Texts.quote(labelsById.get(0)) + "; a classification needs at least 2");
        }
        List<String> classes = new ArrayList<>(labelsById);
        classes.sort(allNumbers ? Comparator.comparingDouble(CsvNumbers::parse).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder());
        int[] classOfId = new int[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            classOfId[idsByLabel.get(classes.get(k))] = k;
        }
        int[] labels = ids.toArray();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classOfId[labels[i]];
        }
        return new Encoded(Task.CLASSIFICATION, classes, labels, null);
    }

    private Task task() {
        return switch (choice) {
            case CLASSIFICATION -> Task.CLASSIFICATION;
            case REGRESSION -> Task.REGRESSION;
            case AUTO -> !allNumbers || (allIntegers && labelsById.size() <= AUTO_MAX_INTEGER_CLASSES)
                    ? Task.CLASSIFICATION : Task.REGRESSION;
        };
    }
}
