package dev.regtrain.storage.file;

import dev.regtrain.common.Sha256;
import dev.regtrain.engine.state.ByteSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;

/** The SHA-256 and the size of content taken as it streams into a file, so that it need not be read back. */
final class ContentDigest {

    private final MessageDigest sha = Sha256.digest();
    private long size;
    private String hex;

    /** A sink that writes into {@code out} and adds every byte to this digest; a failed write is unchecked. */
    ByteSink into(OutputStream out) {
        return (bytes, offset, length) -> {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sha.update(bytes, offset, length);
            size += length;
        };
    }

    long size() {
        return size;
    }

    /** The hex SHA-256 of everything written; nothing more may be written once it is asked for. */
    String sha256() {
        if (hex == null) {
            hex = Sha256.hex(sha);
        }
        return hex;
    }
}
