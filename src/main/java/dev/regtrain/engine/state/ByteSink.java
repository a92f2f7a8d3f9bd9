package dev.regtrain.engine.state;

/**
 * Where a streamed format's bytes go (a file, a digest, an array), in the order written. The engine reads and writes
 * no files itself: a storage adapter implements this over its file, and reports its failures unchecked.
 */
@FunctionalInterface
public interface ByteSink {

    /** Takes {@code length} bytes of {@code bytes} from {@code offset}; they may be reused once this returns. */
    void write(byte[] bytes, int offset, int length);
}
