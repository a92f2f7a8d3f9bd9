package dev.regtrain.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Requests for {@link HostileInputFuzzTests} that only a raw connection can send, written byte for byte: broken
 * %-escapes and raw bytes in the request line, malformed and oversized headers, contradictory or truncated framing
 * (Content-Length against Transfer-Encoding, chunks that lie), unknown methods, codings and HTTP versions.
 */
final class RawRequests {

    private static final String JOBS = HostileRequests.JOBS;
    private static final String DATASETS = HostileRequests.DATASETS;
    private static final String JOB = HostileRequests.JOB;

    private RawRequests() {
    }

    /** Each request as a probe of method RAW, its request line as the path and all its bytes as the body. */
    static List<Probe> all() {
        String host = "Host: localhost\r\n";
        String json = "Content-Type: application/json\r\n";
        String csv = "Content-Type: text/csv\r\n";
        String chunked = "Transfer-Encoding: chunked\r\n";
        List<String> requests = List.of(
                "GET " + JOBS + "/%zz HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/%C0%AE%C0%AE/%C0%AE%C0%AE HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "?limit=%zz HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "?status=% HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "?status=%ED%A0%80 HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/\u00c3\u00a9 HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/a b HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/<x>{y}|z HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/" + JOB + "/../../../../x HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + "/\\..\\x HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + " HTTP/9.9\r\n" + host + "\r\n",
                "GET " + JOBS + " HTTP/1.1\r\n\r\n",
                "GET " + JOBS + " HTTP/1.0\r\n\r\n",
                "GARBAGE\r\n\r\n",
                "G\u0000ET / HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + " HTTP/1.1\r\n" + host + "Bad Header\r\n\r\n",
                "GET " + JOBS + " HTTP/1.1\r\n" + host + "X-A: 1\r\n folded\r\n\r\n",
                "GET " + JOBS + " HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(10_000) + "\r\n\r\n",
                "GET " + JOBS + "/" + "p".repeat(10_000) + " HTTP/1.1\r\n" + host + "\r\n",
                "GET " + JOBS + " HTTP/1.1\r\n" + host + "Accept: \u00ff\u00fe\r\n\r\n",
                "OPTIONS * HTTP/1.1\r\n" + host + "\r\n",
                "CONNECT localhost:80 HTTP/1.1\r\n" + host + "\r\n",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + chunked + "\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + chunked + "\r\n5\r\n{\"a\"",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Transfer-Encoding: nope\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: 3\r\n" + chunked + "\r\n0\r\n\r\n",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: 40\r\n\r\n{\"seed\": 1",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: -1\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: abc\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: 99999999999999999999\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Content-Length: 40000000\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
                "POST " + JOBS + " HTTP/1.1\r\n" + host + json + "Expect: nothing\r\nContent-Length: 2\r\n\r\n{}",
                "POST " + DATASETS + "?name=raw&label=species HTTP/1.1\r\n" + host
                        + csv + "Content-Length: 24\r\n\r\na,species\n1,\u00ed\u00a0\u0080\n2,x\n3,y\n",
                "POST " + DATASETS + "?name=%zz HTTP/1.1\r\n" + host + csv + "Content-Length: 4\r\n\r\na,b\n",
                "POST " + DATASETS + " HTTP/1.1\r\n" + host + csv + chunked + "\r\n"
                        + "8\r\na,b,c\n1,\r\n3\r\n2,x\r\n0\r\n\r\n",
                "POST " + JOBS + "/" + JOB + "/predictions HTTP/1.1\r\n" + host + json
                        + "Content-Length: 100\r\n\r\n{\"inputs\": [[1, 2]]}");
        return requests.stream().map(r -> new Probe("raw bytes", "RAW", r.substring(0, r.indexOf('\r')), List.of(),
                r.getBytes(StandardCharsets.ISO_8859_1))).toList();
    }
}
