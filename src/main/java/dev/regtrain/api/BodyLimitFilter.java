package dev.regtrain.api;

import dev.regtrain.config.RegtrainProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies: JSON bodies by {@code regtrain.limits.max-request-bytes}, CSV uploads by
 * {@code max-upload-bytes}. A declared Content-Length over the limit is refused at once with 413; otherwise the
 * stream is counted and reading stops as soon as it passes the limit. Slow clients cannot starve the others: one
 * client may send {@code max-bodies-per-client} bodies at once (429 beyond, before a byte is read), and a body that,
 * after {@code body-grace}, arrives slower than {@code min-body-rate} on average is refused with 408 and its connection
 * closed, which frees its request thread (Tomcat's {@code connection-timeout} bounds a body that stops altogether).
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {

    /** Marks the detail of a problem raised before Spring MVC, for {@link ProblemErrorController}. */
    static final String DETAIL_ATTRIBUTE = "regtrain.problem.detail";

    private final long jsonLimit;
    private final long uploadLimit;
    private final PerClient bodies;
    private final SlowBodies slow;

    BodyLimitFilter(RegtrainProperties properties) {
        this.jsonLimit = properties.limits().maxRequestBytes().toBytes();
        this.uploadLimit = properties.limits().maxUploadBytes().toBytes();
        this.bodies = new PerClient(properties.limits().maxBodiesPerClient());
        this.slow = new SlowBodies(properties.limits().bodyGrace(), properties.limits().minBodyRate().toBytes());
    }

    /** The body passed its limit while it was read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** The body arrived slower than the service accepts. */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(String message) {
            super(message);
        }
    }

    /** The rule for slow bodies: after the grace, at least this many bytes per second on average. */
    record SlowBodies(java.time.Duration grace, long minBytesPerSecond) {

        void check(long started, long count) throws BodyTooSlowException {
            long elapsed = System.nanoTime() - started;
            if (elapsed > grace.toNanos() && count * 1e9 / elapsed < minBytesPerSecond) {
                throw new BodyTooSlowException("the body arrived slower than " + minBytesPerSecond + " bytes per "
                        + "second after " + grace.toSeconds() + " s (regtrain.limits.min-body-rate and body-grace)");
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = "POST".equals(request.getMethod()) && "/api/v1/datasets".equals(request.getRequestURI());
        long limit = upload ? uploadLimit : jsonLimit;
        String name = upload ? "regtrain.limits.max-upload-bytes" : "regtrain.limits.max-request-bytes";
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            request.setAttribute(DETAIL_ATTRIBUTE, "the body has " + declared + " bytes; the limit (" + name + ") is "
                    + limit);
            response.sendError(413);
            return;
        }
        String method = request.getMethod();
        boolean hasBody = declared > 0 || declared < 0 && ("POST".equals(method) || "PUT".equals(method)
                || "PATCH".equals(method));
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        if (!bodies.tryAcquire(client)) {
            request.setAttribute(DETAIL_ATTRIBUTE, "this client is already sending " + bodies.max() + " request bodies "
                    + "(regtrain.limits.max-bodies-per-client); send the next when one has been answered");
            response.setHeader("Retry-After", "1");
            response.sendError(429);
            return;
        }
        try {
            // A streamed upload may run one byte past the limit here: the CSV reader enforces the exact limit with a
            // message that names the line it stopped at, and this count is only a backstop.
            chain.doFilter(new Limited(request, upload ? limit + 1 : limit, limit, name, slow), response);
        } finally {
            bodies.release(client);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long allowed;
        private final long limit;
        private final String name;
        private final SlowBodies slow;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long allowed, long limit, String name, SlowBodies slow) {
            super(request);
            this.allowed = allowed;
            this.limit = limit;
            this.name = name;
            this.slow = slow;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), allowed, limit, name, slow);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long allowed;
        private final long limit;
        private final String name;
        private final SlowBodies slow;
        private final long started = System.nanoTime();
        private long count;

        /** Counts the bytes read and fails past {@code allowed}, naming {@code limit}, the configured one. */
        CountingStream(ServletInputStream in, long allowed, long limit, String name, SlowBodies slow) {
            this.in = in;
            this.allowed = allowed;
            this.limit = limit;
            this.name = name;
            this.slow = slow;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > allowed) {
                throw new BodyTooLargeException("the body is larger than the limit (" + name + ") of " + limit
                        + " bytes");
            }
            slow.check(started, count);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
