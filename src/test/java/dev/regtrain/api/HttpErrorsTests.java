package dev.regtrain.api;

import static dev.regtrain.api.ProbeClient.RawResponses.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Errors raised before Spring MVC (the container, the body filter) are problems as well. */
class HttpErrorsTests extends ServiceTest {

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://regtrain.dev/problems/").doesNotContain("Exception");
    }

    @Test
    void aDeclaredBodyLargerThanTheLimitIs413BeforeAnyOfItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 40000000\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response).contains("regtrain.limits.max-request-bytes");
        }
    }

    @Test
    void requestsTheContainerCannotParseAreTheClientsErrorNotAServerError() throws Exception {
        String unknownCoding = "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: nope\r\nConnection: close\r\n\r\n{}";
        String unknownVersion = "GET /api/v1/jobs HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        assertThat(raw(unknownCoding)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("transfer coding").doesNotContain("internal");
        assertThat(raw(unknownVersion)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("HTTP/1.1 and HTTP/1.0 only").doesNotContain("internal");
    }

    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** The status line, headers and body, read to the body's end (Tomcat may keep the connection open). */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        int contentLength = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            text.append(header).append('\n');
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            contentLength = lower.startsWith("content-length:") ? Integer.parseInt(header.substring(15).trim())
                    : contentLength;
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        if (!chunked) {
            return text + new String(in.readNBytes(Math.max(contentLength, 0)), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
            text.append(new String(in.readNBytes(size), java.nio.charset.StandardCharsets.UTF_8));
            line(in);
        }
        return text.toString();
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        assertProblem(send(at("/no/such/thing")), 404);
        assertProblem(send(at("/api/v1/jobs/not-a-job")), 404);
    }

    @Test
    void theErrorPathAskedForDirectlyIs404NotAnInternalError() throws Exception {
        assertProblem(send(at("/error")), 404);
        assertProblem(send(at("/error").POST(HttpRequest.BodyPublishers.ofString("{}"))), 404);
    }

    @Test
    void aPathWithEncodedSlashesIsRefusedByTheContainerAsAProblem() throws Exception {
        assertProblem(send(at("/api/v1/jobs/..%2F..%2Fetc%2Fpasswd")), 400);
    }

    @Test
    void deeplyNestedJsonIsRefused() throws Exception {
        String nested = "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertProblem(send(at("/api/v1/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(nested))), 400);
    }

    @Test
    void aMultipartBodyIsRefusedAsAFormNotAServerError() throws Exception {
        for (String path : new String[] {"/api/v1/jobs", "/api/v1/datasets"}) {
            for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=xyz"}) {
                // a form's type, which another site can make a browser send: 403 before any body is read
                assertProblem(send(at(path).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(ServiceTest.moonsJob(3, "")))), 403);
            }
        }
    }

    @Test
    void aWildcardContentTypeIsAnUnsupportedMediaTypeEvenWithoutABody() throws Exception {
        for (String path : new String[] {"/api/v1/jobs", "/api/v1/jobs/x/predictions", "/api/v1/datasets"}) {
            for (String type : new String[] {"*/*", "application/*", "application/*+json"}) {
                HttpResponse<String> response = send(at(path).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.noBody()));

                assertProblem(response, 415);
                assertThat(response.body()).contains("wildcard");
            }
        }
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsABadRequest() throws Exception {
        for (String query : new String[] {"?=", "?limit=1&=x", "?status=%ED%A0%80", "?limit=%E0%A4"}) {
            assertProblem(send(at("/api/v1/jobs" + query)), 400);
            assertProblem(send(at("/api/v1/datasets" + query).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("a,label\n1,x\n2,y\n"))), 400);
        }
    }
}
