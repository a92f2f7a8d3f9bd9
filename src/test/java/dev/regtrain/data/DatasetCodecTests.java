package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class DatasetCodecTests {

    private static final String NAME = "pixels ü";
    private static final int ROWS_AT = 12 + NAME.getBytes(StandardCharsets.UTF_8).length;

    private static Dataset images() {
        double[] features = {0, -0.0, 1e-300, Double.MAX_VALUE, -Double.MIN_VALUE, 0.25, 3, Math.PI};
        return new Dataset(NAME, features, 2, 4, List.of("p1", "p2", "p3", "pixel ß"), Task.CLASSIFICATION,
                List.of("cat", "dog ✓"), new int[] {1, 0}, null, new ImageShape(2, 2, 1));
    }

    private static void corrupt(byte[] bytes, String message) {
        assertThatThrownBy(() -> DatasetCodec.decode(bytes, 1_000, 100))
                .isInstanceOf(CorruptDatasetException.class).hasMessageContaining(message);
    }

    /** Overwrites an int of the body and signs the bytes again, as a hostile writer would. */
    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] changed = bytes.clone();
        ByteBuffer.wrap(changed).putInt(offset, value);
        CRC32C crc = new CRC32C();
        crc.update(changed, 0, changed.length - 4);
        ByteBuffer.wrap(changed).putInt(changed.length - 4, (int) crc.getValue());
        return changed;
    }

    @Test
    void aClassificationSurvivesTheRoundTripFieldByField() {
        Dataset original = images();

        Dataset decoded = DatasetCodec.decode(DatasetCodec.encode(original), 1_000, 100);

        assertThat(decoded.name()).isEqualTo(NAME);
        assertThat(decoded.rows()).isEqualTo(2);
        assertThat(decoded.inputs()).isEqualTo(4);
        assertThat(decoded.featureNames()).containsExactly("p1", "p2", "p3", "pixel ß");
        assertThat(decoded.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(decoded.classes()).containsExactly("cat", "dog ✓");
        assertThat(decoded.labels()).containsExactly(1, 0);
        assertThat(decoded.targets()).isNull();
        assertThat(decoded.imageShape()).isEqualTo(new ImageShape(2, 2, 1));
        for (int i = 0; i < original.features().length; i++) {
            assertThat(Double.doubleToRawLongBits(decoded.features()[i]))
                    .isEqualTo(Double.doubleToRawLongBits(original.features()[i]));
        }
        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void aRegressionSurvivesTheRoundTrip() {
        Dataset original = BuiltinDatasets.generate("sine", Map.of("samples", 300.0), 3);

        Dataset decoded = DatasetCodec.decode(DatasetCodec.encode(original), 300, 1);

        assertThat(decoded.task()).isEqualTo(Task.REGRESSION);
        assertThat(decoded.classes()).isNull();
        assertThat(decoded.labels()).isNull();
        assertThat(decoded.imageShape()).isNull();
        assertThat(decoded.targets()).isEqualTo(original.targets());
        assertThat(decoded.features()).isEqualTo(original.features());
        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void theFormatStartsWithItsMagicAndVersion() {
        ByteBuffer head = ByteBuffer.wrap(DatasetCodec.encode(images()));

        assertThat(new String(head.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RGDS");
        assertThat(head.getInt(4)).isEqualTo(1);
    }

    @Test
    void everySingleFlippedByteIsDetected() {
        byte[] bytes = DatasetCodec.encode(images());
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> DatasetCodec.decode(flipped, 1_000, 100))
                        .as("byte %d bit %d", i, bit).isInstanceOf(CorruptDatasetException.class);
            }
        }
    }

    @Test
    void tornBytesAreDetected() {
        byte[] bytes = DatasetCodec.encode(images());
        for (int length : new int[] {0, 3, 11, 12, bytes.length / 2, bytes.length - 1}) {
            byte[] torn = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> DatasetCodec.decode(torn, 1_000, 100)).as("length %d", length)
                    .isInstanceOf(CorruptDatasetException.class);
        }
        corrupt(Arrays.copyOf(bytes, bytes.length + 1), "checksum mismatch");
    }

    @Test
    void anotherFormatOrVersionIsRefusedBeforeTheChecksum() {
        byte[] bytes = DatasetCodec.encode(images());
        byte[] version = bytes.clone();
        version[7] = 2;
        byte[] magic = bytes.clone();
        magic[0] = 'X';

        corrupt(version, "unsupported dataset format version 2");
        corrupt(magic, "not a regtrain dataset");
    }

    @Test
    void countsBeyondTheLimitsAreRefused() {
        byte[] bytes = DatasetCodec.encode(images());

        assertThatThrownBy(() -> DatasetCodec.decode(bytes, 1, 100)).isInstanceOf(CorruptDatasetException.class)
                .hasMessage("2 rows is out of bounds (1 to 1)");
        assertThatThrownBy(() -> DatasetCodec.decode(bytes, 1_000, 3)).isInstanceOf(CorruptDatasetException.class)
                .hasMessage("4 inputs is out of bounds (1 to 3)");
        corrupt(withInt(bytes, ROWS_AT, -1), "-1 rows is out of bounds");
        corrupt(withInt(bytes, ROWS_AT + 4, 0), "0 inputs is out of bounds");
    }

    @Test
    void hostileCountsWithinTheLimitsAreRefusedBeforeAllocating() {
        byte[] bytes = DatasetCodec.encode(images());
        long rows = 1_000_000_000L;

        // 10⁹ rows × 10⁴ inputs would be 80 TB of doubles: refused by the remaining-bytes check, not by memory
        assertThatThrownBy(() -> DatasetCodec.decode(withInt(withInt(bytes, ROWS_AT, (int) rows), ROWS_AT + 4, 10_000),
                Long.MAX_VALUE, Integer.MAX_VALUE)).isInstanceOf(CorruptDatasetException.class)
                .hasMessageContaining("ends early");
        corrupt(withInt(bytes, 8, Integer.MAX_VALUE), "a length of 2147483647 is out of bounds");
        corrupt(withInt(bytes, 8, -5), "out of bounds");
        int classCountAt = bytes.length - 4 - 2 * 4 - (4 + 3) - (4 + "dog ✓".getBytes(StandardCharsets.UTF_8).length)
                - 4;
        corrupt(withInt(bytes, classCountAt, Integer.MAX_VALUE), "classes is out of bounds");
        corrupt(withInt(bytes, classCountAt, 1), "classes is out of bounds");
    }

    @Test
    void aWellSignedButInconsistentDatasetIsRefused() {
        byte[] bytes = DatasetCodec.encode(images());

        corrupt(withInt(bytes, bytes.length - 8, 7), "inconsistent dataset: row 1 has label 7");
        corrupt(withInt(bytes, ROWS_AT + 8, 9), "unknown task code 9");
    }

    @Test
    void aStreamedDatasetIsTheSameBytesInPiecesNoLargerThanTheBuffer() {
        Dataset large = BuiltinDatasets.generate("blobs", Map.of("samples", 2000.0, "features", 100.0), 3);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        int[] largest = {0};

        long written = DatasetCodec.encode(large, (bytes, offset, length) -> {
            received.write(bytes, offset, length);
            largest[0] = Math.max(largest[0], length);
        });

        byte[] inMemory = DatasetCodec.encode(large);
        assertThat(inMemory.length).isGreaterThan(4 * dev.regtrain.engine.state.ByteWriter.STREAM_BUFFER_BYTES);
        assertThat(received.toByteArray()).isEqualTo(inMemory);
        assertThat(written).isEqualTo(inMemory.length);
        assertThat(largest[0]).isLessThanOrEqualTo(dev.regtrain.engine.state.ByteWriter.STREAM_BUFFER_BYTES);
    }
}
