package dev.regtrain.engine.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Reads what {@link ByteWriter} wrote, refusing any length that the remaining bytes cannot hold before allocating
 * anything; every problem is reported through the format's own exception.
 */
public final class ByteReader {

    private final ByteBuffer buffer;
    private final Function<String, RuntimeException> corrupt;
    /** The format version read by {@link #openChecksummed}, else 0. */
    private int version;

    /**
     * What a checksummed format is called in its errors: bytes that start with {@code magic} and {@code version} and
     * end with the CRC32C of everything before it ({@link ByteWriter#toArrayWithChecksum}).
     *
     * @param noun the format's name in "unsupported {noun} format version" and "the {noun} is torn or corrupt"
     * @param oldestVersion the oldest version still read; versions from it up to {@code version} are accepted
     */
    public record Format(int magic, int version, String noun, String tooShort, String notThisFormat,
                         int oldestVersion) {

        /** A format that reads only its current version. */
        public Format(int magic, int version, String noun, String tooShort, String notThisFormat) {
            this(magic, version, noun, tooShort, notThisFormat, version);
        }
    }

    /**
     * Checks the magic number, the version and the checksum of {@code bytes}, in that order, and returns a reader of
     * the body between the version and the checksum, which knows the {@link #version()} it read.
     */
    public static ByteReader openChecksummed(byte[] bytes, Format format, Function<String, RuntimeException> corrupt) {
        if (bytes.length < 12) {
            throw corrupt.apply(format.tooShort());
        }
        ByteReader in = new ByteReader(bytes, bytes.length - 4, corrupt);
        if (in.getInt() != format.magic()) {
            throw corrupt.apply(format.notThisFormat());
        }
        int version = in.getInt();
        if (version < format.oldestVersion() || version > format.version()) {
            throw corrupt.apply("unsupported " + format.noun() + " format version " + version);
        }
        in.version = version;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (ByteBuffer.wrap(bytes).getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw corrupt.apply("checksum mismatch: the " + format.noun() + " is torn or corrupt");
        }
        return in;
    }

    /** Reads the first {@code length} bytes; {@code corrupt} makes the exception for a malformed input. */
    public ByteReader(byte[] bytes, int length, Function<String, RuntimeException> corrupt) {
        this.buffer = ByteBuffer.wrap(bytes, 0, length);
        this.corrupt = corrupt;
    }

    public int getInt() {
        need(4);
        return buffer.getInt();
    }

    public long getLong() {
        need(8);
        return buffer.getLong();
    }

    public double getDouble() {
        need(8);
        return buffer.getDouble();
    }

    public boolean getBoolean() {
        need(1);
        byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw corrupt.apply("invalid flag byte " + b);
        }
        return b == 1;
    }

    public Double getNullableDouble() {
        boolean present = getBoolean();
        double value = getDouble();
        return present ? value : null;
    }

    public String getString(int maxBytes) {
        int length = getCount(maxBytes, 1);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count that must be in [0, max] and whose elements of {@code bytesEach} must fit in what is left. */
    public int getCount(long max, int bytesEach) {
        int count = getInt();
        if (count < 0 || count > max || (long) count * bytesEach > buffer.remaining()) {
            throw corrupt.apply("a length of " + count + " is out of bounds");
        }
        return count;
    }

    /** A length-prefixed double array that must have exactly {@code expected} values. */
    public double[] getDoubles(int expected) {
        int length = getInt();
        if (length != expected) {
            throw corrupt.apply("expected " + expected + " values, found " + length);
        }
        return getRawDoubles(length);
    }

    /** A length-prefixed array of floats ({@link ByteWriter#putFloats}) that must have {@code expected} values. */
    public double[] getFloats(int expected) {
        int length = getInt();
        if (length != expected) {
            throw corrupt.apply("expected " + expected + " values, found " + length);
        }
        need(4L * length);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }

    /** Exactly {@code count} doubles written without a length. */
    public double[] getRawDoubles(long count) {
        need(8 * count);
        double[] values = new double[(int) count];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
        return values;
    }

    /** Exactly {@code count} ints written without a length. */
    public int[] getRawInts(long count) {
        need(4 * count);
        int[] values = new int[(int) count];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        return values;
    }

    /** Fails unless {@code bytes} more bytes remain. */
    public void need(long bytes) {
        if (bytes < 0 || bytes > buffer.remaining()) {
            throw corrupt.apply("the data ends early: " + bytes + " more bytes needed, " + buffer.remaining()
                    + " left");
        }
    }

    /** The version of a checksummed format that {@link #openChecksummed} accepted. */
    public int version() {
        return version;
    }

    public int remaining() {
        return buffer.remaining();
    }

    public boolean atEnd() {
        return !buffer.hasRemaining();
    }
}
