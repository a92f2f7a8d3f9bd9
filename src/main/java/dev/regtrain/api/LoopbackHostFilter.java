package dev.regtrain.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Without keys the service trusts whoever reaches it on loopback, so it answers only requests addressed to a loopback
 * name: a page on the web that points its own host name at 127.0.0.1 (DNS rebinding) sends that name in the Host
 * header and is refused with 421. {@code regtrain.security.allowed-hosts} adds names (a reverse proxy's, say).
 */
final class LoopbackHostFilter extends OncePerRequestFilter {

    static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed = new TreeSet<>();
    private final FilterProblems problems;

    LoopbackHostFilter(Iterable<String> extraHosts, FilterProblems problems) {
        this.problems = problems;
        allowed.addAll(LOOPBACK_NAMES);
        extraHosts.forEach(host -> allowed.add(host.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (host != null && !allowed.contains(hostName(host))) {
            problems.write(request, response, Problems.Kind.MISDIRECTED, "this service has no keys "
                    + "(regtrain.security.mode=none) and answers only requests addressed to localhost, 127.0.0.1 or "
                    + "[::1]; add other names to regtrain.security.allowed-hosts, or turn keys on");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of a Host header without its port, in lower case: {@code [::1]:8080} is {@code [::1]}. */
    static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
