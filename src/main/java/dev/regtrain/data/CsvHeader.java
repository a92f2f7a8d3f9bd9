package dev.regtrain.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header row of an upload, checked: at least two named, distinct columns, one of them the label, and not a row
 * of numbers (a file without a header, whose first data row would otherwise become one).
 */
record CsvHeader(List<String> names, int labelIndex, List<String> featureNames) {

    private static final int NAMES_SHOWN = 20;

    /** Checks the trimmed header names against the options; every problem is reported on line 1. */
    static CsvHeader of(List<String> names, CsvOptions options) {
        if (names.size() < 2) {
            throw new CsvFormatException(1, "the header has " + names.size()
                    + " column; a dataset needs at least 2 (one or more features and a label)");
        }
        if (names.stream().allMatch(CsvHeader::isNumber)) {
            throw new CsvFormatException(1, "the first line holds only numbers; a CSV upload starts with a header "
                    + "row that names its columns (for example x1,x2,label)");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).isEmpty()) {
                throw new CsvFormatException(1, "column " + (j + 1) + " of the header has no name");
            }
            if (!seen.add(names.get(j))) {
                throw new CsvFormatException(1, "the header names column " + Texts.quote(names.get(j)) + " twice");
            }
        }
        int labelIndex = labelIndex(names, options.labelColumn());
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(labelIndex);
        ImageShape shape = options.imageShape();
        if (shape != null && shape.features() != featureNames.size()) {
            throw new CsvFormatException(1, "imageShape " + shape + " needs " + shape.features()
                    + " features; the CSV has " + featureNames.size());
        }
        return new CsvHeader(List.copyOf(names), labelIndex, List.copyOf(featureNames));
    }

    /** Whether a header cell reads as a number: then the line is data, and the header is missing. */
    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return !cell.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String labelName() {
        return names.get(labelIndex);
    }

    private static int labelIndex(List<String> names, String labelColumn) {
        if (labelColumn == null) {
            return names.size() - 1;
        }
        int index = names.indexOf(labelColumn.strip());
        if (index < 0) {
            StringBuilder shown = new StringBuilder();
            for (int j = 0; j < Math.min(names.size(), NAMES_SHOWN); j++) {
                shown.append(j == 0 ? "" : ", ").append(Texts.quote(names.get(j)));
            }
            if (names.size() > NAMES_SHOWN) {
                shown.append(", … (").append(names.size()).append(" columns)");
            }
            throw new CsvFormatException(1, "label column " + Texts.quote(labelColumn)
                    + " not found; the columns are " + shown);
        }
        return index;
    }
}
