package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.storage.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A body without a declared length is counted while it is read, and reading stops past the limit. */
class BodyLimitFilterTests {

    private final BodyLimitFilter filter = new BodyLimitFilter(TestProperties.with("regtrain.limits.max-request-bytes",
            "1KB"));
    private final BodyLimitFilter uploads = new BodyLimitFilter(TestProperties.with("regtrain.limits.max-upload-bytes",
            "1KB"));

    /** A POST of {@code bytes} bytes to {@code path} that declares no length, as a chunked body does. */
    private static MockHttpServletRequest streamed(String path, int bytes) {
        return new MockHttpServletRequest("POST", path) {
            {
                setContent(new byte[bytes]);
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }

    @Test
    void readingPastTheLimitStops() {
        assertThatThrownBy(() -> filter.doFilter(streamed("/api/v1/jobs", 5000), new MockHttpServletResponse(),
                (request, response) -> request.getInputStream().readAllBytes()))
                .isInstanceOf(BodyLimitFilter.BodyTooLargeException.class)
                .hasMessageContaining("regtrain.limits.max-request-bytes");
    }

    @Test
    void aClientSendsAtMostItsShareOfBodiesAtOnceAndAnotherClientIsNotHeldUp() throws Exception {
        BodyLimitFilter one = new BodyLimitFilter(TestProperties.with("regtrain.limits.max-bodies-per-client", "1"));
        MockHttpServletResponse second = new MockHttpServletResponse();
        MockHttpServletResponse other = new MockHttpServletResponse();
        MockHttpServletRequest fromOther = streamed("/api/v1/jobs", 10);
        fromOther.setRemoteAddr("10.0.0.2");

        one.doFilter(streamed("/api/v1/jobs", 10), new MockHttpServletResponse(), (request, response) -> {
            one.doFilter(streamed("/api/v1/jobs", 10), second, (r, w) -> { });
            one.doFilter(fromOther, other, (r, w) -> { });
        });
        MockHttpServletResponse after = new MockHttpServletResponse();
        one.doFilter(streamed("/api/v1/jobs", 10), after, (r, w) -> { });

        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(after.getStatus()).as("the share is given back when the request ends").isEqualTo(200);
    }

    @Test
    void aBodyWithinTheLimitPassesUntouched() throws Exception {
        int[] read = {0};
        filter.doFilter(streamed("/api/v1/jobs", 1000), new MockHttpServletResponse(),
                (request, response) -> read[0] = request.getInputStream().readAllBytes().length);

        assertThat(read[0]).isEqualTo(1000);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/jobs");
        request.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] reached = {false};

        filter.doFilter(request, response, (req, res) -> reached[0] = true);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(reached[0]).isFalse();
    }

    @Test
    void anUploadDeclaredOneByteOverTheLimitIsRefusedAndTheDetailNamesTheConfiguredLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/datasets");
        request.setContent(new byte[1025]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        uploads.doFilter(request, response, (req, res) -> { });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(request.getAttribute(BodyLimitFilter.DETAIL_ATTRIBUTE)).asString()
                .isEqualTo("the body has 1025 bytes; the limit (regtrain.limits.max-upload-bytes) is 1024");
    }

    @Test
    void aStreamedUploadIsStoppedPastTheLimitWithTheConfiguredLimitInTheMessage() {
        assertThatThrownBy(() -> uploads.doFilter(streamed("/api/v1/datasets", 4096), new MockHttpServletResponse(),
                (req, res) -> req.getInputStream().readAllBytes()))
                .isInstanceOf(BodyLimitFilter.BodyTooLargeException.class)
                .hasMessage("the body is larger than the limit (regtrain.limits.max-upload-bytes) of 1024 bytes");
    }
}
