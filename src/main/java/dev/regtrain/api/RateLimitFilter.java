package dev.regtrain.api;

import dev.regtrain.security.SecurityProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request rate of each key (regtrain.security.rate.requests-per-second, burst): a Bucket4j token bucket per key
 * that holds {@code burst} requests and refills at the rate. Every answer to a keyed request says where the key stands
 * in the IETF RateLimit headers ({@code RateLimit-Policy: "per-key";q=100;w=2}, {@code RateLimit: "per-key";r=57;t=0});
 * past the limit, 429 with {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String POLICY = "per-key";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long burst;
    private final long perSecond;
    private final TimeMeter time;
    private final FilterProblems problems;
    private final String policy;

    RateLimitFilter(SecurityProperties.Rate rate, TimeMeter time, FilterProblems problems) {
        this.burst = rate.burst();
        this.perSecond = rate.requestsPerSecond();
        this.time = time;
        this.problems = problems;
        long window = Math.max(1, (burst + perSecond - 1) / perSecond);
        this.policy = "\"" + POLICY + "\";q=" + burst + ";w=" + window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof KeyAuthentication key)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key.getPrincipal().id(), id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Policy", policy);
        if (probe.isConsumed()) {
            response.setHeader("RateLimit", "\"" + POLICY + "\";r=" + probe.getRemainingTokens() + ";t="
                    + seconds(probe.getNanosToWaitForReset()));
            chain.doFilter(request, response);
            return;
        }
        long wait = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("RateLimit", "\"" + POLICY + "\";r=0;t=" + wait);
        response.setHeader("Retry-After", Long.toString(wait));
        problems.write(request, response, Problems.Kind.TOO_MANY_REQUESTS, "this key sent more than "
                + burst + " requests at once or more than " + perSecond + " a second "
                + "(regtrain.security.rate.burst, requests-per-second); try again in " + wait + " s");
    }

    /** Whole seconds, rounded up. */
    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
