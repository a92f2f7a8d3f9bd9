package dev.regtrain.data;

import dev.regtrain.engine.state.ByteReader;
import dev.regtrain.engine.state.ByteSink;
import dev.regtrain.engine.state.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link Dataset}, big-endian: the magic "RGDS", format version 1, the body, and a CRC-32C of
 * all that precedes it. Body: name; rows; inputs; task (0 classification, 1 regression); one name per input; an
 * image-shape flag and, when set, height, width and channels; rows × inputs features; then for a classification the
 * class count, the class names and one label per row, for a regression one target per row. Strings are a byte count
 * and UTF-8.
 *
 * <p>Decoding checks magic, version and checksum first, then every count against the limits and against the bytes
 * that remain before it allocates anything, so torn, corrupt or hostile bytes fail fast with a
 * {@link CorruptDatasetException}.
 */
public final class DatasetCodec {

    /** The longest name or label the format holds; longer ones cannot come from a CSV field either. */
    private static final int MAX_STRING_BYTES = 4_000_000;

    public static final int MAGIC = 0x52474453; // "RGDS"
    public static final int VERSION = 1;
    private static final ByteReader.Format FORMAT = new ByteReader.Format(MAGIC, VERSION, "dataset",
            "the bytes are too short to be a dataset", "not a regtrain dataset");
    private static final int CLASSIFICATION = 0;
    private static final int REGRESSION = 1;

    private DatasetCodec() {
    }

    public static byte[] encode(Dataset data) {
        ByteWriter out = new ByteWriter(1024 + 8L * data.features().length + 8L * data.rows());
        write(data, out);
        return out.toArrayWithChecksum();
    }

    /**
     * Streams the same bytes as {@link #encode(Dataset)} into {@code sink} (a file, a digest) through a small buffer,
     * without a copy of the dataset in memory; returns how many.
     */
    public static long encode(Dataset data, ByteSink sink) {
        ByteWriter out = new ByteWriter(sink);
        write(data, out);
        return out.finishWithChecksum();
    }

    /** How many bytes {@link #encode(Dataset)} gives, counted by encoding into nothing (no copy in memory). */
    public static long encodedSize(Dataset data) {
        return encode(data, (bytes, offset, length) -> { });
    }

    private static void write(Dataset data, ByteWriter out) {
        out.putInt(MAGIC);
        out.putInt(VERSION);
        out.putString(data.name());
        out.putInt(data.rows());
        out.putInt(data.inputs());
        out.putInt(data.task() == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION);
        data.featureNames().forEach(out::putString);
        ImageShape shape = data.imageShape();
        out.putBoolean(shape != null);
        if (shape != null) {
            out.putInt(shape.height());
            out.putInt(shape.width());
            out.putInt(shape.channels());
        }
        out.putRawDoubles(data.features());
        if (data.task() == Task.CLASSIFICATION) {
            out.putInt(data.classCount());
            data.classes().forEach(out::putString);
            out.putRawInts(data.labels());
        } else {
            out.putRawDoubles(data.targets());
        }
    }

    /**
     * @param maxRows the most rows accepted
     * @param maxColumns the most inputs accepted
     * @throws CorruptDatasetException for bytes that are torn, corrupt, of another format or version, or beyond the
     *         limits
     */
    public static Dataset decode(byte[] bytes, long maxRows, int maxColumns) {
        ByteReader in = ByteReader.openChecksummed(bytes, FORMAT, CorruptDatasetException::new);
        try {
            return readBody(in, maxRows, maxColumns);
        } catch (IllegalArgumentException e) {
            throw new CorruptDatasetException("inconsistent dataset: " + e.getMessage());
        }
    }

    private static Dataset readBody(ByteReader in, long maxRows, int maxColumns) {
        String name = in.getString(MAX_STRING_BYTES);
        int rows = in.getInt();
        int inputs = in.getInt();
        if (rows < 1 || rows > maxRows) {
            throw new CorruptDatasetException(rows + " rows is out of bounds (1 to " + maxRows + ")");
        }
        if (inputs < 1 || inputs > maxColumns) {
            throw new CorruptDatasetException(inputs + " inputs is out of bounds (1 to " + maxColumns + ")");
        }
        long values = (long) rows * inputs;
        in.need(8 * values + 4L * inputs + 4L * rows); // features, feature name lengths, a label or target per row
        int task = in.getInt();
        if (task != CLASSIFICATION && task != REGRESSION) {
            throw new CorruptDatasetException("unknown task code " + task);
        }
        List<String> featureNames = new ArrayList<>(inputs);
        for (int j = 0; j < inputs; j++) {
            featureNames.add(in.getString(MAX_STRING_BYTES));
        }
        ImageShape shape = in.getBoolean() ? new ImageShape(in.getInt(), in.getInt(), in.getInt()) : null;
        double[] features = in.getRawDoubles(values);
        List<String> classes = null;
        int[] labels = null;
        double[] targets = null;
        if (task == CLASSIFICATION) {
            int count = in.getInt();
            if (count < 2 || count > rows || 4L * count > in.remaining()) {
                throw new CorruptDatasetException(count + " classes is out of bounds (2 to " + rows + ")");
            }
            classes = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                classes.add(in.getString(MAX_STRING_BYTES));
            }
            labels = in.getRawInts(rows);
        } else {
            targets = in.getRawDoubles(rows);
        }
        if (!in.atEnd()) {
            throw new CorruptDatasetException("unexpected bytes after the dataset");
        }
        return new Dataset(name, features, rows, inputs, featureNames, task == CLASSIFICATION ? Task.CLASSIFICATION
                : Task.REGRESSION, classes, labels, targets, shape);
    }
}
