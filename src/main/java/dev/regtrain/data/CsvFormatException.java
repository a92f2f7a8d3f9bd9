package dev.regtrain.data;

/** An uploaded CSV that is malformed or does not describe a dataset. */
public final class CsvFormatException extends DatasetException {

    private final long line;

    public CsvFormatException(long line, String message) {
        super(message);
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
        this.line = line;
    }

    /**
     * The 1-based physical line of the CSV the problem is on (the header is line 1; a row whose quoted field spans
     * several lines is on the line where it starts), or 0 when the problem is not tied to one line.
     */
    public long line() {
        return line;
    }
}
