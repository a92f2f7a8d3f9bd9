package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered checksum check: a change is seen even when the file system's clock did not move. */
class VerifiedFilesTests {

    @TempDir
    Path dir;

    final VerifiedFiles verified = new VerifiedFiles();

    @Test
    void aFileDamagedWithinTheSameClockTickIsStillSeenAsDamaged() throws Exception {
        Path file = checksummed("one.bin", 1000);
        FileTime written = Files.getLastModifiedTime(file);
        assertThat(verified.intact(file)).isTrue();

        flipAByte(file);
        Files.setLastModifiedTime(file, written);

        assertThat(verified.intact(file)).as("same size, same time: the write fell in the checked tick").isFalse();
    }

    @Test
    void aSettledFileIsRememberedUntilItsStampChanges() throws Exception {
        Path file = checksummed("two.bin", 1000);
        FileTime old = FileTime.from(Instant.now().minus(VerifiedFiles.SETTLED.multipliedBy(10)));
        Files.setLastModifiedTime(file, old);
        assertThat(verified.intact(file)).isTrue();

        flipAByte(file);
        Files.setLastModifiedTime(file, FileTime.from(old.toInstant().plusMillis(1)));

        assertThat(verified.intact(file)).isFalse();
    }

    @Test
    void aFileTooShortOrWithAWrongChecksumIsNotIntact() throws Exception {
        assertThat(verified.intact(Files.write(dir.resolve("short.bin"), new byte[5]))).isFalse();
        assertThat(verified.intact(Files.write(dir.resolve("zeros.bin"), new byte[64]))).isFalse();
        assertThat(verified.intact(dir.resolve("missing.bin"))).isFalse();
    }

    private Path checksummed(String name, int bodyBytes) throws Exception {
        byte[] body = new byte[bodyBytes];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer all = ByteBuffer.allocate(bodyBytes + 4).put(body).putInt((int) crc.getValue());
        return Files.write(dir.resolve(name), all.array());
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
    }
}
