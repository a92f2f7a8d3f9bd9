package dev.regtrain.engine.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Big-endian writing for the binary formats ({@link StateCodec}, the dataset codec): either into a growing array
 * ({@link #ByteWriter()}), or streamed through a small buffer into a {@link ByteSink}, so that a state of any size is
 * written without a second copy of it in memory. The bytes are the same either way.
 */
public final class ByteWriter {

    /** The largest array a JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    /** The buffer of a streaming writer: what it holds of the output at most. */
    public static final int STREAM_BUFFER_BYTES = 1 << 16;

    private final ByteSink sink;
    private final CRC32C streamed = new CRC32C();
    private long flushedBytes;
    private ByteBuffer buffer;

    public ByteWriter() {
        this(1 << 12);
    }

    /** Starts with room for {@code expectedBytes}, to spare regrowing a large buffer. */
    public ByteWriter(long expectedBytes) {
        this.sink = null;
        this.buffer = ByteBuffer.allocate((int) Math.min(MAX_LENGTH, Math.max(64, expectedBytes)));
    }

    /** Streams into {@code sink} through a buffer of {@link #STREAM_BUFFER_BYTES}. */
    public ByteWriter(ByteSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.buffer = ByteBuffer.allocate(STREAM_BUFFER_BYTES);
    }

    /** Makes room for {@code bytes} (at most the stream buffer's size when streaming). */
    private void ensure(long bytes) {
        if (buffer.remaining() >= bytes) {
            return;
        }
        if (sink != null) {
            flush();
            return;
        }
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

    /** Hands what the buffer holds to the sink, adding it to the running checksum. */
    private void flush() {
        if (buffer.position() > 0) {
            streamed.update(buffer.array(), 0, buffer.position());
            sink.write(buffer.array(), 0, buffer.position());
            flushedBytes += buffer.position();
            buffer.clear();
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
        for (int from = 0; from < bytes.length; ) {
            ensure(sink == null ? bytes.length - from : 1);
            int count = Math.min(bytes.length - from, buffer.remaining());
            buffer.put(bytes, from, count);
            from += count;
        }
    }

    /** The values after their length. */
    public void putDoubles(double[] values) {
        putInt(values.length);
        putRawDoubles(values);
    }

    /** The values without a length; the reader knows how many to expect. */
    public void putRawDoubles(double[] values) {
        for (int from = 0; from < values.length; ) {
            ensure(sink == null ? 8L * (values.length - from) : 8);
            int count = Math.min(values.length - from, buffer.remaining() / 8);
            buffer.asDoubleBuffer().put(values, from, count);
            buffer.position(buffer.position() + 8 * count);
            from += count;
        }
    }

    /**
     * The values after their length, each as a float (4 bytes): for values that are floats held in doubles, which
     * they give back exactly; any other value is refused rather than rounded.
     */
    public void putFloats(double[] values) {
        putInt(values.length);
        for (int from = 0; from < values.length; ) {
            ensure(sink == null ? 4L * (values.length - from) : 4);
            int count = Math.min(values.length - from, buffer.remaining() / 4);
            for (int i = from; i < from + count; i++) {
                float f = (float) values[i];
                if (f != values[i] && !Double.isNaN(values[i])) {
                    throw new IllegalArgumentException(values[i] + " is not a float");
                }
                buffer.putFloat(f);
            }
            from += count;
        }
    }

    /** The values without a length; the reader knows how many to expect. */
    public void putRawInts(int[] values) {
        for (int from = 0; from < values.length; ) {
            ensure(sink == null ? 4L * (values.length - from) : 4);
            int count = Math.min(values.length - from, buffer.remaining() / 4);
            buffer.asIntBuffer().put(values, from, count);
            buffer.position(buffer.position() + 4 * count);
            from += count;
        }
    }

    public byte[] toArray() {
        if (sink != null) {
            throw new IllegalStateException("a streaming writer has given its bytes to its sink");
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.duplicate().flip().get(bytes);
        return bytes;
    }

    /**
     * Ends a checksummed format ({@link ByteReader#openChecksummed}) in memory: appends the CRC32C of everything
     * written so far and returns the bytes.
     */
    public byte[] toArrayWithChecksum() {
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        putInt((int) crc.getValue());
        return toArray();
    }

    /**
     * Ends a checksummed format that streams: hands the rest to the sink, then the CRC32C of every byte before it
     * (the same bytes {@link #toArrayWithChecksum()} gives), and returns how many bytes the sink received in all.
     */
    public long finishWithChecksum() {
        if (sink == null) {
            throw new IllegalStateException("an in-memory writer ends with toArrayWithChecksum()");
        }
        flush();
        buffer.putInt((int) streamed.getValue());
        sink.write(buffer.array(), 0, 4);
        buffer.clear();
        return flushedBytes + 4;
    }
}
