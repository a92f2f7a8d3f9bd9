package dev.regtrain.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link CodecWriter} wrote, refusing any length that the remaining bytes cannot hold. */
final class CodecReader {

    private final ByteBuffer buffer;

    CodecReader(byte[] bytes, int length) {
        this.buffer = ByteBuffer.wrap(bytes, 0, length);
    }

    int getInt() {
        need(4);
        return buffer.getInt();
    }

    boolean getBoolean() {
        need(1);
        byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw new CorruptDatasetException("invalid flag byte " + b);
        }
        return b == 1;
    }

    String getString() {
        int length = getInt();
        if (length < 0) {
            throw new CorruptDatasetException("a string length of " + length + " is out of bounds");
        }
        need(length);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Exactly {@code count} doubles, refused before allocating when the remaining bytes cannot hold them. */
    double[] getDoubles(long count) {
        need(8 * count);
        double[] values = new double[(int) count];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
        return values;
    }

    /** Exactly {@code count} ints, refused before allocating when the remaining bytes cannot hold them. */
    int[] getInts(long count) {
        need(4 * count);
        int[] values = new int[(int) count];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        return values;
    }

    /** Fails unless {@code bytes} more bytes remain. */
    void need(long bytes) {
        if (bytes > buffer.remaining()) {
            throw new CorruptDatasetException("the dataset ends early: " + bytes + " more bytes needed, "
                    + buffer.remaining() + " left");
        }
    }

    int remaining() {
        return buffer.remaining();
    }

    boolean atEnd() {
        return !buffer.hasRemaining();
    }
}
