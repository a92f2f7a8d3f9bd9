package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy that terminates TLS ({@code server.forward-headers-strategy=native}): the browser's page comes from
 * {@code https://regtrain.example.com}, the service hears plain http from the proxy, and a state change from that page
 * is the service's own origin, while a page on another site, or the same host over plain http, is still refused.
 */
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "regtrain.security.allowed-hosts=regtrain.example.com"})
class BehindTlsProxyTests extends ServiceTest {

    private String post(String origin, String forwarded) throws IOException {
        return RawHttp.exchange(port, "POST /api/v1/jobs HTTP/1.1\r\nHost: regtrain.example.com\r\n" + forwarded
                + "Origin: " + origin + "\r\nContent-Type: application/json", moonsJob(1, ""));
    }

    @Test
    void acceptsAStateChangeFromThePageTheProxyServedOverHttps() throws IOException {
        String answer = post("https://regtrain.example.com", "X-Forwarded-Proto: https\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(202);
    }

    @Test
    void acceptsItWhenTheProxyForwardsTheHostAsWell() throws IOException {
        String answer = RawHttp.exchange(port, "POST /api/v1/jobs HTTP/1.1\r\nHost: regtrain.example.com\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: regtrain.example.com\r\nX-Forwarded-Port: 8443\r\n"
                + "Origin: https://regtrain.example.com:8443\r\nContent-Type: application/json", moonsJob(1, ""));

        assertThat(RawHttp.status(answer)).isEqualTo(202);
    }

    @Test
    void refusesAnotherSiteAndTheSameHostOverPlainHttp() throws IOException {
        assertThat(RawHttp.status(post("https://evil.example", "X-Forwarded-Proto: https\r\n"))).isEqualTo(403);
        assertThat(RawHttp.status(post("http://regtrain.example.com", "X-Forwarded-Proto: https\r\n")))
                .isEqualTo(403);
    }
}
