package dev.regtrain.api;

import dev.regtrain.security.ApiKey;
import dev.regtrain.security.KeyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the stored hashes, on every request (no session): a key
 * revoked a moment ago is refused from the next request on. A request without the header goes on unauthenticated
 * (the chain then decides: 401 for the API, open for health, info and the dashboard's files); one with a key that
 * is unknown or revoked is refused at once with 401.
 */
final class BearerKeyFilter extends OncePerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"regtrain\"";
    private static final String BEARER = "bearer ";

    private final KeyService keys;
    private final FilterProblems problems;

    BearerKeyFilter(KeyService keys, FilterProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (key.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
            problems.write(request, response, Problems.Kind.UNAUTHORIZED, "the Authorization header does not hold "
                    + "a valid key ('Bearer <key>'); the key may have been revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new KeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
