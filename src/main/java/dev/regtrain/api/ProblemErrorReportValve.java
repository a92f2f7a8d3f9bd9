package dev.regtrain.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error page (for requests it refuses before any servlet runs, such as encoded slashes in the path)
 * as an RFC 9457 problem instead of HTML, so that no error of the service is anything but problem+json. It also
 * fills in an error status that was set without a body (the actuator answers an unknown health group or metric
 * with a bare 404).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        if (response.isError() && !response.setErrorReported()) {
            return; // an error that someone else has reported already
        }
        String protocol = switch (status) {
            case 501 -> "the request uses a method or transfer coding that the server does not implement";
            case 505 -> "the server speaks HTTP/1.1 and HTTP/1.0 only";
            default -> null;
        };
        if (protocol != null) {
            // Tomcat's 501 and 505 refuse requests it cannot parse: the client's mistake, so a 4xx, never a 5xx.
            status = 400;
            response.setStatus(status);
        }
        ProblemDetail problem = Problems.containerProblem(status, protocol,
                "the request is malformed and was refused by the server", null);
        String json = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                + status + ",\"detail\":\"" + problem.getDetail() + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing more can be said
        }
    }
}
