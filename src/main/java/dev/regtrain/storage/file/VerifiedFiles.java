package dev.regtrain.storage.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Whether a checksummed binary file (a checkpoint, a dataset: a body and its CRC-32C as the last four bytes, big
 * endian) reads back intact, checked by streaming it once and remembered until the file changes (size, time or
 * inode), so that lists can say what is damaged without reading every file on every request.
 *
 * <p>A file's modification time moves in the file system's clock ticks (milliseconds or coarser), so a write in the
 * same tick as a check leaves the stamp unchanged. As git does with its index, a file that was modified less than
 * {@link #SETTLED} before it was checked is not remembered: it is checked again on the next call, until its stamp is
 * old enough that any later write must change it.
 */
final class VerifiedFiles {

    /** How long after its last modification a file's stamp is trusted to change on its next write. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private record Stamp(long size, Instant modified, Object fileKey) {
    }

    private final Map<Path, Stamp> intact = new ConcurrentHashMap<>();

    boolean intact(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant(),
                    attributes.fileKey());
            if (stamp.equals(intact.get(file))) {
                return true;
            }
            Instant checked = Instant.now();
            boolean ok = checksumMatches(file, stamp.size());
            if (ok && stamp.modified().plus(SETTLED).isBefore(checked)) {
                intact.put(file, stamp);
            } else {
                intact.remove(file);
            }
            return ok;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forgets files under a folder that was deleted. */
    void forget(Path folder) {
        intact.keySet().removeIf(p -> p.startsWith(folder));
    }

    private static boolean checksumMatches(Path file, long size) throws IOException {
        if (size < 8) {
            return false;
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        long body = size - 4;
        byte[] tail = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            long read = 0;
            while (read < body) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, body - read));
                if (n < 0) {
                    return false;
                }
                crc.update(buffer, 0, n);
                read += n;
            }
            if (in.readNBytes(tail, 0, 4) != 4) {
                return false;
            }
        }
        return ByteBuffer.wrap(tail).getInt() == (int) crc.getValue();
    }
}
