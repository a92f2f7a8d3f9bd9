package dev.regtrain.storage.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import tools.jackson.core.JacksonException;

/**
 * JSON records and lines with a CRC-32C, so that damage is detected on read instead of served.
 *
 * <p>A record file is the JSON, a newline, {@code #crc32c <8 hex digits>} over the JSON's bytes, and a newline. A
 * metrics line is the JSON, a tab, the 8 hex digits, and a newline (JSON escapes tabs and newlines inside strings, so
 * neither can occur in the JSON itself). Files and lines written before checksums existed (a single line of JSON,
 * without the trailer) are still read, unverified.
 */
final class ChecksummedJson {

    private static final byte[] TRAILER = "\n#crc32c ".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    /** What is wrong with a file or line; the caller names the file. */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    private ChecksummedJson() {
    }

    static byte[] record(Object value) {
        byte[] json = StorageJson.MAPPER.writeValueAsBytes(value);
        byte[] crc = crc(json, json.length).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(json, json.length + TRAILER.length + crc.length + 1);
        System.arraycopy(TRAILER, 0, out, json.length, TRAILER.length);
        System.arraycopy(crc, 0, out, json.length + TRAILER.length, crc.length);
        out[out.length - 1] = '\n';
        return out;
    }

    static <T> T readRecord(byte[] bytes, Class<T> type) throws Damaged {
        int end = bytes.length;
        int newline = indexOf(bytes, (byte) '\n', 0);
        if (newline >= 0) { // written with a checksum: JSON, trailer, newline, and nothing else
            int expected = newline + TRAILER.length + 8 + 1;
            if (end != expected || !Arrays.equals(bytes, newline, newline + TRAILER.length, TRAILER, 0, TRAILER.length)
                    || bytes[end - 1] != '\n') {
                throw new Damaged("its checksum line is missing or malformed (torn or altered)");
            }
            String stored = new String(bytes, newline + TRAILER.length, 8, StandardCharsets.US_ASCII);
            if (!stored.equals(crc(bytes, newline))) {
                throw new Damaged("its checksum does not match its content (altered on disk)");
            }
            end = newline;
        }
        try {
            return StorageJson.MAPPER.readValue(bytes, 0, end, type);
        } catch (JacksonException e) {
            throw new Damaged("it is not a readable record (" + e.getOriginalMessage() + ")");
        }
    }

    static String line(Object value) {
        byte[] json = StorageJson.MAPPER.writeValueAsBytes(value);
        return new String(json, StandardCharsets.UTF_8) + "\t" + crc(json, json.length) + "\n";
    }

    /** One line without its newline. */
    static <T> T readLine(String line, Class<T> type) throws Damaged {
        String json = line;
        int tab = line.lastIndexOf('\t');
        if (tab >= 0) {
            json = line.substring(0, tab);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            if (!line.substring(tab + 1).equals(crc(bytes, bytes.length))) {
                throw new Damaged("its checksum does not match its content");
            }
        }
        try {
            return StorageJson.MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new Damaged("it is not a readable row (" + e.getOriginalMessage() + ")");
        }
    }

    private static String crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return HEX.toHexDigits((int) crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
