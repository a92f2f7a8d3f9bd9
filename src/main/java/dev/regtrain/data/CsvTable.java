package dev.regtrain.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a dataset from CSV fields as the parser delivers them, one row at a time, holding nothing but the
 * features (in a growable primitive array), the label column and the current row's raw fields. Limits are checked
 * as rows and fields arrive, so an oversized upload fails without being read to its end. A row's field count is
 * checked before its values, so a ragged row is reported as ragged rather than by a value that slid into the wrong
 * column.
 */
final class CsvTable {

    /** Jackson drops a leading byte-order mark, except when nothing follows it; this catches that case too. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CsvOptions options;
    private final List<String> headerNames = new ArrayList<>();
    private CsvHeader header;
    private String[] row;
    private GrowableArrays.Doubles features;
    private LabelColumn labels;
    private long line;
    private long fields;
    private long dataRows;
    private long lastRowLine;
    private long blankLine;

    CsvTable(CsvOptions options) {
        this.options = options;
    }

    /** The line the current row starts on, 0 before the first row. */
    long line() {
        return line;
    }

    void startRow(long startLine) {
        line = startLine;
        fields = 0;
    }

    /** One raw field of the current row; fields beyond the header's count are only counted. */
    void field(String raw) {
        if (header == null) {
            if (fields >= options.maxColumns()) {
                throw new DataTooLargeException("maxColumns", "the CSV has more than the limit of "
                        + options.maxColumns() + " columns");
            }
            headerNames.add((fields == 0 && raw.startsWith(BYTE_ORDER_MARK) ? raw.substring(1) : raw).strip());
        } else if (fields < row.length) {
            row[(int) fields] = raw;
        }
        fields++;
    }

    void endRow() {
        if (fields == 1 && (header == null ? headerNames.get(0) : row[0]).isBlank()) {
            blankLine = blankLine == 0 ? line : blankLine;
            headerNames.clear();
            return;
        }
        if (header == null) {
            if (blankLine != 0) {
                throw new CsvFormatException(blankLine, "line " + blankLine
                        + " is empty; the first line must be the header");
            }
            header = CsvHeader.of(headerNames, options);
            row = new String[header.names().size()];
            features = new GrowableArrays.Doubles();
            labels = new LabelColumn(header.labelName(), options.task());
        } else {
            addDataRow();
        }
        lastRowLine = line;
    }

    /** The dataset, once every row is in; trailing empty lines are ignored, and a body of nothing else is empty. */
    Dataset finish() {
        if (header == null) {
            throw new CsvFormatException(0, "the body is empty");
        }
        if (dataRows < 2) {
            throw new CsvFormatException(lastRowLine + 1, dataRows == 0
                    ? "the CSV has a header but no data rows; a dataset needs at least 2"
                    : "the CSV has only 1 data row; a dataset needs at least 2");
        }
        LabelColumn.Encoded encoded = labels.encode();
        int inputs = header.featureNames().size();
        return new Dataset(options.name(), features.toArray(), (int) dataRows, inputs, header.featureNames(),
                encoded.task(), encoded.classes(), encoded.labels(), encoded.targets(), options.imageShape());
    }

    private void addDataRow() {
        if (blankLine != 0) {
            throw new CsvFormatException(blankLine, "line " + blankLine
                    + " is empty; empty lines are allowed only at the end");
        }
        dataRows++;
        if (dataRows > options.maxRows()) {
            throw new DataTooLargeException("maxRows", "the CSV has more than the limit of " + options.maxRows()
                    + " data rows");
        }
        if (dataRows * header.featureNames().size() > GrowableArrays.MAX_LENGTH) {
            throw new DataTooLargeException("maxRows", "the CSV has more feature values than one dataset can hold ("
                    + GrowableArrays.MAX_LENGTH + ")");
        }
        if (fields != row.length) {
            throw new CsvFormatException(line, "line " + line + " has " + fields + (fields == 1 ? " field" : " fields")
                    + "; the header has " + row.length);
        }
        for (int j = 0; j < row.length; j++) {
            if (j == header.labelIndex()) {
                labels.add(row[j].strip(), line);
            } else {
                features.add(feature(j, row[j].strip()));
            }
        }
    }

    private double feature(int index, String value) {
        if (value.isEmpty()) {
            throw new CsvFormatException(line, "line " + line + ": the value in column " + column(index) + " is empty");
        }
        double x = CsvNumbers.parse(value);
        if (Double.isNaN(x)) {
            throw new CsvFormatException(line, "line " + line + ": the value " + Texts.quote(value) + " in column "
                    + column(index) + " is not a " + (CsvNumbers.namesNonFinite(value) ? "finite " : "") + "number");
        }
        return x;
    }

    /** A column's name as error messages quote it (built only for an error: this runs for every value). */
    private String column(int index) {
        return Texts.quote(header.names().get(index));
    }
}
