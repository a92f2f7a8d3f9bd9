package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ByteLimitedInputStreamTests {

    private static ByteArrayInputStream bytes(int count) {
        return new ByteArrayInputStream(new byte[count]);
    }

    @Test
    void readingUpToTheLimitOneByteAtATimeIsAllowed() throws IOException {
        ByteLimitedInputStream in = new ByteLimitedInputStream(bytes(4), 3);

        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThatThrownBy(in::read).isInstanceOfSatisfying(DataTooLargeException.class,
                e -> assertThat(e.limit()).isEqualTo("maxBytes")).hasMessage("the body is larger than the limit of 3 bytes");
        assertThat(in.count()).isEqualTo(4);
    }

    @Test
    void theEndOfASmallBodyIsNotCounted() throws IOException {
        ByteLimitedInputStream in = new ByteLimitedInputStream(bytes(2), 2);

        assertThat(in.read(new byte[10], 0, 10)).isEqualTo(2);
        assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.count()).isEqualTo(2);
    }

    @Test
    void aBulkReadAsksForAtMostOneByteBeyondTheLimit() throws IOException {
        ByteArrayInputStream source = bytes(100);
        ByteLimitedInputStream in = new ByteLimitedInputStream(source, 10);

        assertThat(in.read(new byte[8], 0, 8)).isEqualTo(8);
        assertThatThrownBy(() -> in.read(new byte[50], 0, 50)).isInstanceOf(DataTooLargeException.class);
        assertThat(source.available()).isEqualTo(100 - 11);
    }

    @Test
    void skippedBytesCount() throws IOException {
        ByteLimitedInputStream in = new ByteLimitedInputStream(bytes(100), 10);

        assertThat(in.skip(10)).isEqualTo(10);
        assertThatThrownBy(() -> in.skip(5)).isInstanceOf(DataTooLargeException.class);
    }

    @Test
    void closingLeavesTheSourceOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream source = new ByteArrayInputStream(new byte[1]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        new ByteLimitedInputStream(source, 1).close();

        assertThat(closed).isFalse();
    }
}
