package dev.regtrain.data;

/**
 * How to read one uploaded CSV: the dataset's name, the label column ({@code null} = the last column, otherwise
 * matched against the trimmed header names), the task, an optional image shape, and the limits beyond which reading
 * stops with a {@link DataTooLargeException}: data rows (not counting the header), columns, and bytes of the body.
 */
public record CsvOptions(String name, String labelColumn, TaskChoice task, ImageShape imageShape, long maxRows,
        int maxColumns, long maxBytes) {

    public CsvOptions {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dataset needs a name");
        }
        if (task == null) {
            throw new IllegalArgumentException("task must be given (AUTO to decide from the labels)");
        }
        if (maxRows < 2 || maxColumns < 2 || maxBytes < 1) {
            throw new IllegalArgumentException("the limits must allow 2 rows, 2 columns and 1 byte; got maxRows "
                    + maxRows + ", maxColumns " + maxColumns + ", maxBytes " + maxBytes);
        }
    }
}
