package dev.regtrain.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request of the fuzz test as it is sent, described well enough to reproduce it: the kind (for the report of
 * the mix), the method, the path with its query, the headers and the body.
 */
record Probe(String kind, String method, String path, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final int SHOWN_BYTES = 600;

    Probe {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static Probe of(String kind, String method, String path) {
        return new Probe(kind, method, path, List.of(), null);
    }

    Probe with(String header, String value) {
        List<Map.Entry<String, String>> more = new java.util.ArrayList<>(headers);
        more.add(Map.entry(header, value));
        return new Probe(kind, method, path, more, body);
    }

    Probe withBody(String contentType, byte[] content) {
        Probe probe = new Probe(kind, method, path, headers, content);
        return contentType == null ? probe : probe.with("Content-Type", contentType);
    }

    Probe withJson(String json) {
        return withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Method, path, headers and body (the body escaped and cut to a few hundred bytes, with its full size). */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(cut(path)).append('\n');
        headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        text.append("body (").append(body.length).append(" bytes): ").append(escape(body));
        return text.toString();
    }

    private static String cut(String text) {
        return text.length() <= SHOWN_BYTES ? text
                : text.substring(0, SHOWN_BYTES) + "…(" + text.length() + " chars)";
    }

    /** Printable ASCII as is, everything else as a Java escape, so that the body can be pasted into a test. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, SHOWN_BYTES); i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\' || b == '"') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else if (b == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return bytes.length > SHOWN_BYTES ? out + "…" : out.toString();
    }
}
