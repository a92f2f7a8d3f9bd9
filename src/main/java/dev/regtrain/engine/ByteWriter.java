package dev.regtrain.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A growable big-endian byte buffer for {@link StateCodec}. */
final class ByteWriter {

    private ByteBuffer buffer = ByteBuffer.allocate(1 << 12);

    private void ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            long needed = (long) buffer.position() + bytes;
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity()));
            ByteBuffer larger = ByteBuffer.allocate(capacity);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }

    void putInt(int value) {
        ensure(4);
        buffer.putInt(value);
    }

    void putLong(long value) {
        ensure(8);
        buffer.putLong(value);
    }

    void putDouble(double value) {
        ensure(8);
        buffer.putDouble(value);
    }

    void putBoolean(boolean value) {
        ensure(1);
        buffer.put((byte) (value ? 1 : 0));
    }

    void putNullableDouble(Double value) {
        putBoolean(value != null);
        putDouble(value == null ? 0.0 : value);
    }

    void putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        ensure(bytes.length);
        buffer.put(bytes);
    }

    void putDoubles(double[] values) {
        putInt(values.length);
        ensure(8 * values.length);
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    int position() {
        return buffer.position();
    }

    byte[] toArray() {
        byte[] bytes = new byte[buffer.position()];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }
}
