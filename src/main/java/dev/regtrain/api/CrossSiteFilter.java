package dev.regtrain.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No state change from another web site (cross-site request forgery). A page elsewhere can make a browser send a
 * POST, PUT, PATCH or DELETE without asking the service first only with a form's or plain text's Content-Type
 * ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}), and always with its
 * own {@code Origin}. So such a request is refused with 403 when its body has one of those types (the API reads JSON
 * and, for uploads, {@code text/csv}, which a browser only sends cross-site after a preflight this service never
 * allows) or when its Origin is not the service's own (scheme, host and port the request was addressed to).
 */
final class CrossSiteFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private final FilterProblems problems;

    CrossSiteFilter(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod())) {
            if (isFormType(request.getContentType())) {
                problems.write(request, response, Problems.Kind.FORBIDDEN, "a request that changes something must "
                        + "not have a form's or plain text's Content-Type (" + request.getContentType().strip()
                        + "), which another web site can make a browser send; send application/json (or text/csv "
                        + "for uploads)");
                return;
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !sameOrigin(origin, request)) {
                problems.write(request, response, Problems.Kind.FORBIDDEN, "a request that changes something must "
                        + "come from this service's own pages or from a client that is not a browser; its Origin "
                        + "is another site's");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isFormType(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return FORM_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Whether an Origin header names the scheme, host and port the request was sent to, as the container sees them:
     * the Host header's, or, behind a TLS-terminating proxy with {@code server.forward-headers-strategy=native}, the
     * scheme and host the proxy forwarded ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}), so the page a browser
     * loaded over https from the proxy may change things.
     */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        try {
            URI from = new URI(origin.strip());
            URI to = new URI(request.getScheme() + "://" + host + ":" + request.getServerPort());
            return from.getScheme() != null && from.getHost() != null
                    && from.getScheme().equalsIgnoreCase(to.getScheme())
                    && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from) == port(to);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
