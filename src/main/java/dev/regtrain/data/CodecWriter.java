package dev.regtrain.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A growable big-endian byte buffer for {@link DatasetCodec}, after the engine's ByteWriter. */
final class CodecWriter {

    private ByteBuffer buffer;

    CodecWriter(long expectedBytes) {
        buffer = ByteBuffer.allocate((int) Math.min(GrowableArrays.MAX_LENGTH, Math.max(64, expectedBytes)));
    }

    private void ensure(long bytes) {
        if (buffer.remaining() < bytes) {
            long needed = buffer.position() + bytes;
            if (needed > GrowableArrays.MAX_LENGTH) {
                throw new IllegalArgumentException("the dataset needs more than " + GrowableArrays.MAX_LENGTH
                        + " bytes, more than one byte array holds");
            }
            int capacity = (int) Math.min(GrowableArrays.MAX_LENGTH, Math.max(needed, 2L * buffer.capacity()));
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

    void putBoolean(boolean value) {
        ensure(1);
        buffer.put((byte) (value ? 1 : 0));
    }

    void putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        ensure(bytes.length);
        buffer.put(bytes);
    }

    /** The values without a length; the reader knows how many to expect. */
    void putDoubles(double[] values) {
        ensure(8L * values.length);
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    /** The values without a length; the reader knows how many to expect. */
    void putInts(int[] values) {
        ensure(4L * values.length);
        buffer.asIntBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    byte[] toArray() {
        byte[] bytes = new byte[buffer.position()];
        buffer.duplicate().flip().get(bytes);
        return bytes;
    }
}
