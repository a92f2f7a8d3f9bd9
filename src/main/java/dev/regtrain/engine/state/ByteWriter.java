package dev.regtrain.engine.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** A growable big-endian byte buffer for the binary formats ({@link StateCodec}, the dataset codec). */
public final class ByteWriter {

    /** The largest array a JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ByteBuffer buffer;

    public ByteWriter() {
        this(1 << 12);
    }

    /** Starts with room for {@code expectedBytes}, to spare regrowing a large buffer. */
    public ByteWriter(long expectedBytes) {
        buffer = ByteBuffer.allocate((int) Math.min(MAX_LENGTH, Math.max(64, expectedBytes)));
    }

    private void ensure(long bytes) {
        if (buffer.remaining() < bytes) {
            long needed = buffer.position() + bytes;
            if (needed > MAX_LENGTH) {
                throw new IllegalArgumentException("more than " + MAX_LENGTH + " bytes, more than one array holds");
            }
            int capacity = (int) Math.min(MAX_LENGTH, Math.max(needed, 2L * buffer.capacity()));
            ByteBuffer larger = ByteBuffer.allocate(capacity);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }

    public void putInt(int value) {
        ensure(4);
        buffer.putInt(value);
    }

    public void putLong(long value) {
        ensure(8);
        buffer.putLong(value);
    }

    public void putDouble(double value) {
        ensure(8);
        buffer.putDouble(value);
    }

    public void putBoolean(boolean value) {
        ensure(1);
        buffer.put((byte) (value ? 1 : 0));
    }

    public void putNullableDouble(Double value) {
        putBoolean(value != null);
        putDouble(value == null ? 0.0 : value);
    }

    /** UTF-8 bytes after their length. */
    public void putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        ensure(bytes.length);
        buffer.put(bytes);
    }

    /** The values after their length. */
    public void putDoubles(double[] values) {
        putInt(values.length);
        putRawDoubles(values);
    }

    /** The values without a length; the reader knows how many to expect. */
    public void putRawDoubles(double[] values) {
        ensure(8L * values.length);
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    /** The values without a length; the reader knows how many to expect. */
    public void putRawInts(int[] values) {
        ensure(4L * values.length);
        buffer.asIntBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    public byte[] toArray() {
        byte[] bytes = new byte[buffer.position()];
        buffer.duplicate().flip().get(bytes);
        return bytes;
    }

    /**
     * Ends a checksummed format ({@link ByteReader#openChecksummed}): appends the CRC32C of everything written so far
     * and returns the bytes.
     */
    public byte[] toArrayWithChecksum() {
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        putInt((int) crc.getValue());
        return toArray();
    }
}
