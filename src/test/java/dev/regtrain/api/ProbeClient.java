package dev.regtrain.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends {@link Probe}s to the running service over real HTTP/1.1, so that Tomcat and the filters see them too, and
 * holds every answer to {@link AnswerChecks}; it keeps the mix of what was sent, the statuses that came back and
 * every violation found.
 */
final class ProbeClient {

    record Answer(int status, String contentType, String body) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final Map<String, String> ids;
    private final AnswerChecks checks;
    private final Map<String, Integer> mix = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int sent;
    private int unsendable;

    /** @param ids placeholders in generated requests, and the real ids that replace them when a request is sent */
    ProbeClient(int port, AnswerChecks checks, Map<String, String> ids) {
        this.port = port;
        this.checks = checks;
        this.ids = Map.copyOf(ids);
    }

    int sent() {
        return sent;
    }

    /** Generated requests that the HTTP client refused to send (a header value it will not write). */
    int unsendable() {
        return unsendable;
    }

    Map<String, Integer> mix() {
        return mix;
    }

    Map<Integer, Integer> statuses() {
        return statuses;
    }

    List<String> violations() {
        return violations;
    }

    /** Sends the probe and checks the answer; null when the client itself cannot express the request. */
    Answer send(Probe generated) {
        Probe probe = withRealIds(generated);
        HttpRequest request;
        try {
            HttpRequest.BodyPublisher body = probe.body().length == 0 && !probe.method().equals("POST")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(probe.body());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                    .timeout(TIMEOUT).method(probe.method(), body);
            probe.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
            request = builder.build();
        } catch (IllegalArgumentException e) {
            unsendable++;
            return null;
        }
        count(probe);
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
            check(probe, answer);
            return answer;
        } catch (IOException e) {
            return noAnswer(probe, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes on a fresh connection, for requests no HTTP client would write (the probe's body). */
    Answer sendRaw(Probe generated) {
        Probe probe = withRealIds(generated);
        count(probe);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(probe.body());
            out.flush();
            socket.shutdownOutput();
            Answer answer = RawResponses.read(socket.getInputStream());
            if (answer == null) {
                violations.add("the connection was closed without an answer to\n" + probe.describe());
                return null;
            }
            check(probe, answer);
            return answer;
        } catch (IOException e) {
            return noAnswer(probe, e);
        }
    }

    /** Records that the probe got no answer at all, which is a violation; null, for the caller to return. */
    private Answer noAnswer(Probe probe, IOException e) {
        violations.add("no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") to\n"
                + probe.describe());
        return null;
    }

    /** The placeholders replaced by the real ids (also upper-cased), in the path and in the body. */
    private Probe withRealIds(Probe probe) {
        String path = probe.path();
        String body = new String(probe.body(), StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            for (boolean upper : new boolean[] {false, true}) {
                String from = upper ? id.getKey().toUpperCase(Locale.ROOT) : id.getKey();
                String to = upper ? id.getValue().toUpperCase(Locale.ROOT) : id.getValue();
                path = path.replace(from, to);
                body = body.replace(from, to);
            }
        }
        return new Probe(probe.kind(), probe.method(), path, probe.headers(),
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void count(Probe probe) {
        sent++;
        mix.merge(probe.kind(), 1, Integer::sum);
    }

    private void check(Probe probe, Answer answer) {
        statuses.merge(answer.status(), 1, Integer::sum);
        String problem = checks.problemWith(probe, answer);
        if (problem != null) {
            String body = answer.body().length() > 1500 ? answer.body().substring(0, 1500) + "…" : answer.body();
            violations.add(problem + "\n--- request #" + sent + "\n" + probe.describe() + "\n--- answer\n"
                    + answer.status() + " " + answer.contentType() + "\n" + body);
        }
    }

    /** Reads one HTTP/1.1 response (status line, headers, body by length, chunks or to the end). */
    static final class RawResponses {

        private RawResponses() {
        }

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine.isEmpty()) {
                return null;
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            if (status < 200) {
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    continue; // an interim answer such as 100 Continue; the real one follows
                }
                return read(in);
            }
            String contentType = "";
            int length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                contentType = lower.startsWith("content-type:") ? value : contentType;
                length = lower.startsWith("content-length:") ? Integer.parseInt(value) : length;
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                    out.writeBytes(in.readNBytes(size));
                    line(in);
                }
                body = out.toByteArray();
            } else {
                body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            }
            return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
        }

        /** One line of the head, without its line end; empty at the end of the stream. */
        static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }
}
