package dev.regtrain.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body whose read failures are the client's (a dropped connection, a body over the limit), told apart
 * from the server's own I/O failures (a full disk), which stay 500s.
 */
final class RequestBodyStream extends FilterInputStream {

    /** Reading the client's body failed; its cause says why. */
    static final class UnreadableBodyException extends RuntimeException {
        UnreadableBodyException(IOException cause) {
            super(cause instanceof BodyLimitFilter.BodyTooLargeException ? cause.getMessage()
                    : "the request body could not be read to its end", cause);
        }
    }

    RequestBodyStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() {
        try {
            return super.read();
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }
}
