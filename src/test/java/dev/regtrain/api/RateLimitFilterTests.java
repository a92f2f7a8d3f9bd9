package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import dev.regtrain.security.ApiKey;
import dev.regtrain.security.Role;
import dev.regtrain.security.SecurityProperties;
import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The per-key rate on a clock the test moves: a burst passes, the next request is 429 until the bucket refills. */
class RateLimitFilterTests {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final RateLimitFilter filter = new RateLimitFilter(new SecurityProperties.Rate(2, 3), clock,
            new FilterProblems(JsonMapper.builder().build()));

    @AfterEach
    void forgetTheKey() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse send(String keyId) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(new ApiKey(keyId,
                new Owner("team-a"), Role.USER, null, Instant.EPOCH, "a".repeat(64))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/jobs"), response, new MockFilterChain());
        return response;
    }

    @Test
    void aBurstPassesWithTheRateLimitHeadersAndTheNextRequestIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse passed = send("key_a");
            assertThat(passed.getStatus()).isEqualTo(200);
            assertThat(passed.getHeader("RateLimit-Policy")).isEqualTo("\"per-key\";q=3;w=2");
            assertThat(passed.getHeader("RateLimit")).startsWith("\"per-key\";r=" + (2 - i) + ";t=");
        }

        MockHttpServletResponse refused = send("key_a");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("RateLimit")).isEqualTo("\"per-key\";r=0;t=1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("too-many-requests", "regtrain.security.rate.burst");
    }

    @Test
    void anotherKeyHasItsOwnBucketAndTheBucketRefillsAtTheRate() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("key_a");
        }
        assertThat(send("key_a").getStatus()).isEqualTo(429);
        assertThat(send("key_b").getStatus()).isEqualTo(200);

        nanos.addAndGet(500_000_000L); // half a second at 2 a second: one request's worth

        assertThat(send("key_a").getStatus()).isEqualTo(200);
        assertThat(send("key_a").getStatus()).isEqualTo(429);
    }

    @Test
    void aRequestWithoutAKeyIsNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit")).isNull();
        }
    }
}
