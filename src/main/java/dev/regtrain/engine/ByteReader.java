package dev.regtrain.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote, refusing any length that the remaining bytes cannot hold. */
final class ByteReader {

    private final ByteBuffer buffer;

    ByteReader(byte[] bytes, int length) {
        this.buffer = ByteBuffer.wrap(bytes, 0, length);
    }

    int getInt() {
        need(4);
        return buffer.getInt();
    }

    long getLong() {
        need(8);
        return buffer.getLong();
    }

    double getDouble() {
        need(8);
        return buffer.getDouble();
    }

    boolean getBoolean() {
        need(1);
        byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw new CorruptStateException("invalid flag byte");
        }
        return b == 1;
    }

    Double getNullableDouble() {
        boolean present = getBoolean();
        double value = getDouble();
        return present ? value : null;
    }

    String getString(int maxBytes) {
        int length = getCount(maxBytes, 1);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count that must be in [0, max] and whose elements of {@code bytesEach} must fit in what is left. */
    int getCount(long max, int bytesEach) {
        int count = getInt();
        if (count < 0 || count > max || (long) count * bytesEach > buffer.remaining()) {
            throw new CorruptStateException("a length of " + count + " is out of bounds");
        }
        return count;
    }

    /** A double array that must have exactly {@code expected} values. */
    double[] getDoubles(int expected) {
        int length = getInt();
        if (length != expected) {
            throw new CorruptStateException("expected " + expected + " values, found " + length);
        }
        need(8L * length);
        double[] values = new double[length];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * length);
        return values;
    }

    boolean atEnd() {
        return !buffer.hasRemaining();
    }

    private void need(long bytes) {
        if (bytes > buffer.remaining()) {
            throw new CorruptStateException("the state ends early");
        }
    }
}
