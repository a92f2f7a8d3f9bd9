package dev.regtrain.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and throws {@link DataTooLargeException} (limit {@code maxBytes}) as soon as the
 * count passes the limit. It never asks the source for more than one byte beyond the limit, and it does not close the
 * source, which belongs to the caller.
 */
final class ByteLimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    ByteLimitedInputStream(InputStream source, long maxBytes) {
        super(source);
        this.maxBytes = maxBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long room = maxBytes - count;
        int n = in.read(buffer, offset, room >= length ? length : (int) room + 1);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long room = maxBytes - count;
        long skipped = in.skip(room >= n ? n : room + 1);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the source
    }

    private void counted(long bytes) {
        count += bytes;
        if (count > maxBytes) {
            throw new DataTooLargeException("maxBytes", "the body is larger than the limit of " + maxBytes + " bytes");
        }
    }
}
