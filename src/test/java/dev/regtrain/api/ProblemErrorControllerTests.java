package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * An error the container dispatches to /error keeps its status and gets the same problem type as ApiErrors would give
 * it: one mapping (Problems.Kind.forStatus) for the three places that turn a bare status into a problem.
 */
class ProblemErrorControllerTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"400, invalid-request", "404, not-found", "405, method-not-allowed", "406, not-acceptable",
        "408, request-timeout", "429, too-many-requests", "413, too-large", "415, unsupported-media-type", "500, internal-error", "502, internal-error",
        "503, unavailable", "507, storage-full"})
    void aDispatchedErrorKeepsItsStatusAndGetsItsProblemType(int status, String slug) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/jobs");

        ResponseEntity<ProblemDetail> response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getBody().getStatus()).isEqualTo(status);
        assertThat(response.getBody().getType().toString()).endsWith("/" + slug);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        if (status == 406) {
            assertThat(response.getBody().getDetail()).contains("Accept");
        }
    }
}
