package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The limits hold while streaming: the reader gives up on a body that would never end. */
class CsvLimitsTests {

    /** A body that never ends: a prefix, then one piece over and over, counting what it hands out. */
    private static final class EndlessBody extends InputStream {

        private final byte[] prefix;
        private final byte[] piece;
        private long served;

        EndlessBody(String prefix, String piece) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.piece = piece.getBytes(StandardCharsets.UTF_8);
        }

        private byte at(long position) {
            return position < prefix.length ? prefix[(int) position]
                    : piece[(int) ((position - prefix.length) % piece.length)];
        }

        @Override
        public int read() {
            return at(served++) & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = at(served++);
            }
            return length;
        }
    }

    private static CsvOptions limits(long maxRows, int maxColumns, long maxBytes) {
        return new CsvOptions("upload", null, TaskChoice.AUTO, null, maxRows, maxColumns, maxBytes);
    }

    private static Dataset read(String csv, CsvOptions options) {
        return CsvDatasetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options);
    }

    private static void tooLarge(InputStream body, CsvOptions options, String limit, String message) {
        assertThatThrownBy(() -> CsvDatasetReader.read(body, options))
                .isInstanceOfSatisfying(DataTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(limit))
                .hasMessage(message);
    }

    @Test
    void anEndlessBodyIsAbandonedOneByteAfterMaxBytes() {
        EndlessBody body = new EndlessBody("a,y\n", "1.5,0\n2.5,1\n");

        tooLarge(body, limits(Long.MAX_VALUE, 10, 100_000), "maxBytes",
                "the body is larger than the limit of 100000 bytes");
        assertThat(body.served).isEqualTo(100_001);
    }

    @Test
    void anEndlessFieldIsAbandonedAtMaxBytes() {
        EndlessBody body = new EndlessBody("a,y\n", "9");

        tooLarge(body, limits(Long.MAX_VALUE, 10, 50_000), "maxBytes",
                "the body is larger than the limit of 50000 bytes");
        assertThat(body.served).isEqualTo(50_001);
    }

    @Test
    void anEndlessRunOfRowsIsAbandonedAtTheFirstRowBeyondMaxRows() {
        EndlessBody body = new EndlessBody("a,y\n", "1,0\n");

        tooLarge(body, limits(1_000, 10, Long.MAX_VALUE), "maxRows", "the CSV has more than the limit of 1000 data rows");
        assertThat(body.served).isBetween(4L + 1_001 * 4, 4L + 1_001 * 4 + 64 * 1024);
    }

    @Test
    void anEndlessHeaderIsAbandonedAtTheFirstColumnBeyondMaxColumns() {
        EndlessBody body = new EndlessBody("", "c,");

        tooLarge(body, limits(10, 100, Long.MAX_VALUE), "maxColumns", "the CSV has more than the limit of 100 columns");
        assertThat(body.served).isLessThan(64 * 1024);
    }

    @Test
    void maxRowsDataRowsAreAllowedWithTrailingEmptyLines() {
        assertThat(read("a,y\n1,0\n2,1\n3,0\n\n\n", limits(3, 10, 1_000)).rows()).isEqualTo(3);
        assertThatThrownBy(() -> read("a,y\n1,0\n2,1\n3,0\n4,1\n", limits(3, 10, 1_000)))
                .isInstanceOfSatisfying(DataTooLargeException.class, e -> assertThat(e.limit()).isEqualTo("maxRows"));
    }

    @Test
    void aBodyOfExactlyMaxBytesIsAllowed() {
        String csv = "a,y\n1,0\n2,1\n";
        int size = csv.getBytes(StandardCharsets.UTF_8).length;

        assertThat(read(csv, limits(10, 10, size)).rows()).isEqualTo(2);
        assertThatThrownBy(() -> read(csv, limits(10, 10, size - 1)))
                .isInstanceOfSatisfying(DataTooLargeException.class, e -> assertThat(e.limit()).isEqualTo("maxBytes"));
    }

    @Test
    void aHeaderOfExactlyMaxColumnsIsAllowed() {
        String csv = "a,b,c,y\n1,2,3,0\n4,5,6,1\n";

        assertThat(read(csv, limits(10, 4, 1_000)).inputs()).isEqualTo(3);
        assertThatThrownBy(() -> read(csv, limits(10, 3, 1_000)))
                .isInstanceOfSatisfying(DataTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo("maxColumns"))
                .hasMessage("the CSV has more than the limit of 3 columns");
    }

    @Test
    void aHugeLimitDoesNotOverflowTheByteCount() {
        assertThat(read("a,y\n1,0\n2,1\n", limits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)).rows())
                .isEqualTo(2);
    }
}
