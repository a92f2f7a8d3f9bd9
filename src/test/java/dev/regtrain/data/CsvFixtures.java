package dev.regtrain.data;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Inline CSV bodies for the reader's tests. */
final class CsvFixtures {

    static final long MAX_ROWS = 1_000;
    static final int MAX_COLUMNS = 100;
    static final long MAX_BYTES = 10_000_000;

    private CsvFixtures() {
    }

    static CsvOptions options() {
        return options(null, TaskChoice.AUTO, null);
    }

    static CsvOptions options(String labelColumn, TaskChoice task, ImageShape shape) {
        return new CsvOptions("upload", labelColumn, task, shape, MAX_ROWS, MAX_COLUMNS, MAX_BYTES);
    }

    static Dataset read(String csv) {
        return read(csv, options());
    }

    static Dataset read(String csv, TaskChoice task) {
        return read(csv, options(null, task, null));
    }

    static Dataset read(String csv, CsvOptions options) {
        return CsvDatasetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options);
    }
}
