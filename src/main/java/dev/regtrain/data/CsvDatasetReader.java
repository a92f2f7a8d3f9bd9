package dev.regtrain.data;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an uploaded CSV into a {@link Dataset}, streaming: the body passes through a byte counter and Jackson's CSV
 * token stream one field at a time, and reading stops at once when a limit is exceeded.
 *
 * <p>The format: UTF-8 with an optional byte-order mark, LF or CRLF line ends, comma-separated, fields optionally in
 * double quotes (a quoted field may hold commas, line breaks and doubled quotes). The first line is the header; its
 * names are trimmed and must be non-empty and distinct. At least 2 data rows must follow. Whitespace around every
 * value is trimmed. Empty lines at the end are ignored; an empty line followed by a row is an error. Features must be
 * plain finite decimal numbers ({@code 3}, {@code -0.5}, {@code 1e-3}; not NaN, Infinity or hexadecimal).
 *
 * <p>The task: CLASSIFICATION and REGRESSION are taken as asked; AUTO chooses classification when any label is not a
 * number, or when every label is a whole number (by value, so {@code 1.0} counts) and there are at most 20 distinct
 * labels, and regression otherwise. Class labels are kept as written (trimmed), so {@code 1} and {@code 1.0} are two
 * classes. The classes are in numeric order when every class label is a number (ties in string order), otherwise in
 * {@link String#compareTo natural string order}: labels 10, 9, 2 give classes "2", "9", "10"; labels b, a, B give
 * "B", "a", "b".
 *
 * <p>Line numbers in errors are 1-based physical lines (the header is line 1, a row is on the line it starts on);
 * problems not tied to a line (an empty body, invalid UTF-8, a single class) carry line 0.
 */
public final class CsvDatasetReader {

    /** The longest single field accepted, in characters; no number or label needs more. */
    public static final int MAX_FIELD_CHARS = 1_000_000;

    private static final CsvMapper MAPPER = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD_CHARS).build())
                    .build())
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private CsvDatasetReader() {
    }

    /**
     * Reads the whole dataset from {@code body}, which is left open.
     *
     * @throws CsvFormatException for a malformed CSV or one that does not describe a dataset
     * @throws DataTooLargeException as soon as the body passes {@code maxBytes}, the data rows pass {@code maxRows}
     *         or the header passes {@code maxColumns}
     * @throws UncheckedIOException when the body itself cannot be read
     */
    public static Dataset read(InputStream body, CsvOptions options) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(options, "options");
        CsvTable table = new CsvTable(options);
        try (JsonParser parser = MAPPER.createParser(new ByteLimitedInputStream(body, options.maxBytes()))) {
            readRows(parser, table);
        } catch (StreamConstraintsException e) {
            long line = Math.max(1, table.line());
            throw new CsvFormatException(line, "line " + line + " has a field longer than " + MAX_FIELD_CHARS
                    + " characters");
        } catch (StreamReadException e) {
            long line = Math.max(1, table.line());
            throw new CsvFormatException(line, "line " + line + describe(e));
        } catch (JacksonIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CharConversionException) {
                throw new CsvFormatException(0, "the body is not valid UTF-8");
            }
            throw new UncheckedIOException("the body could not be read",
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        return table.finish();
    }

    /**
     * Whether the text holds a surrogate that is not half of a pair. The parser decodes the three bytes UTF-8 would
     * use for U+D800–U+DFFF (which it may not encode) into such a char; a class or column named with one could not be
     * written back as JSON.
     */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Rows arrive as arrays of strings inside one outer array; the line a row starts on is where its array opens. */
    private static void readRows(JsonParser parser, CsvTable table) {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return;
        }
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            table.startRow(parser.currentLocation().getLineNr());
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                String text = parser.getString();
                if (text != null && hasLoneSurrogate(text)) {
                    throw new CsvFormatException(table.line(), "line " + table.line()
                            + " is not valid UTF-8 (it encodes half of a surrogate pair)");
                }
                table.field(text == null ? "" : text);
            }
            table.endRow();
        }
    }

    private static String describe(StreamReadException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.contains("closing quote")) {
            return " has a quoted field that is never closed";
        }
        if (original.contains("column separator")) {
            return " has text after the closing quote of a field; quote the whole field";
        }
        return " is not valid CSV";
    }
}
