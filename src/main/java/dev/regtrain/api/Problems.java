package dev.regtrain.api;

import dev.regtrain.common.FieldError;
import dev.regtrain.security.QuotaRefusal;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem documents with stable type URIs and constant titles. */
final class Problems {

    static final String BASE = "https://regtrain.dev/problems/";
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The detail of every 500: what went wrong is logged, never told to the client. */
    static final String INTERNAL_DETAIL = "the service failed to handle this request; the log has the details";
    /** The detail of a 404 for a path where nothing is served. */
    static final String NOT_FOUND_DETAIL = "nothing is served at this path";

    enum Kind {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
        MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
        INVALID_CSV(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV"),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
        FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
        REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request body too slow"),
        MISDIRECTED(HttpStatus.MISDIRECTED_REQUEST, "misdirected-request", "Misdirected request"),
        TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
        CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large"),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
        UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
        QUEUE_FULL(HttpStatus.TOO_MANY_REQUESTS, "queue-full", "Queue full"),
        ACTIVE_JOBS_QUOTA(HttpStatus.TOO_MANY_REQUESTS, "active-jobs-quota-exceeded", "Active jobs quota exceeded"),
        STORAGE_QUOTA(HttpStatus.CONTENT_TOO_LARGE, "storage-quota-exceeded", "Storage quota exceeded"),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable"),
        STORAGE_FULL(HttpStatus.INSUFFICIENT_STORAGE, "storage-full", "Storage full"),
        INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

        final HttpStatus status;
        final String slug;
        final String title;

        Kind(HttpStatus status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        /**
         * The kind of a status that Spring or the container chose, not one of our handlers: 404, 405, 406, 413, 415 and
         * 503 keep their own, any other 4xx is an invalid request and anything else an internal error. The one
         * mapping for ApiErrors, the error controller and Tomcat's error-report valve.
         */
        static Kind forStatus(int status) {
            return switch (status) {
                case 401 -> UNAUTHORIZED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 405 -> METHOD_NOT_ALLOWED;
                case 406 -> NOT_ACCEPTABLE;
                case 408 -> REQUEST_TIMEOUT;
                case 421 -> MISDIRECTED;
                case 429 -> TOO_MANY_REQUESTS;
                case 413 -> TOO_LARGE;
                case 415 -> UNSUPPORTED_MEDIA_TYPE;
                case 503 -> UNAVAILABLE;
                case 507 -> STORAGE_FULL;
                default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL;
            };
        }
    }

    private Problems() {
    }

    static ProblemDetail problem(Kind kind, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, detail);
        problem.setType(URI.create(BASE + kind.slug));
        problem.setTitle(kind.title);
        if (instance != null) {
            problem.setInstance(URI.create(instance.isEmpty() ? "/" : safePath(instance)));
        }
        return problem;
    }

    /**
     * The one shape of a quota's refusal: the kind's type and title, then {@code quota} (the property that sets it),
     * {@code owner} and the refusal's numbers, each a member named with its unit.
     */
    static ProblemDetail quota(Kind kind, String detail, QuotaRefusal refusal, String instance) {
        ProblemDetail problem = problem(kind, detail, instance);
        problem.setProperty("quota", refusal.quota());
        problem.setProperty("owner", refusal.owner().name());
        refusal.amounts().forEach(problem::setProperty);
        return problem;
    }

    static ProblemDetail invalid(List<FieldError> errors, String instance) {
        String detail = errors.size() == 1 ? describe(errors.get(0))
                : errors.size() + " problems, the first: " + describe(errors.get(0));
        ProblemDetail problem = problem(Kind.INVALID_REQUEST, detail, instance);
        problem.setProperty("errors", List.copyOf(errors)); // {field, message}, in that order
        return problem;
    }

    /**
     * The problem for an error status the servlet container reports without a handler of ours (the error
     * controller's and the error report valve's): its kind by {@link Kind#forStatus}, the container's own status kept
     * (also where the kind is a generic one: 408, 502), and {@code detail}, or when it is null a sentence for the kind
     * ({@link #NOT_FOUND_DETAIL}, {@link #INTERNAL_DETAIL}, …), else {@code otherwise}.
     */
    static ProblemDetail containerProblem(int status, String detail, String otherwise, String instance) {
        Kind kind = Kind.forStatus(status);
        ProblemDetail problem = problem(kind, detail != null ? detail : containerDetail(kind, otherwise), instance);
        problem.setStatus(status);
        return problem;
    }

    private static String containerDetail(Kind kind, String otherwise) {
        return switch (kind) {
            case NOT_FOUND -> NOT_FOUND_DETAIL;
            case INTERNAL -> INTERNAL_DETAIL;
            case METHOD_NOT_ALLOWED -> "this path does not take that method";
            case NOT_ACCEPTABLE -> "none of the media types the Accept header asks for can be produced here";
            case TOO_LARGE -> "the request is larger than the server accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "the body's Content-Type is not one this endpoint reads";
            case UNAVAILABLE -> "the service cannot take requests right now; try again later";
            default -> otherwise;
        };
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    /** The same with a Retry-After header, for refusals that a later attempt may get past. */
    static ResponseEntity<ProblemDetail> response(ProblemDetail problem, long retryAfterSeconds) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    private static String describe(FieldError error) {
        return error.field().isEmpty() ? error.message() : error.field() + ": " + error.message();
    }

    /** A request path made safe to echo as a relative URI reference. */
    private static String safePath(String path) {
        StringBuilder safe = new StringBuilder();
        for (char c : path.toCharArray()) {
            safe.append(c > 32 && c < 127 && "\"<>\\^`{|}%".indexOf(c) < 0 ? String.valueOf(c)
                    : java.net.URLEncoder.encode(String.valueOf(c), java.nio.charset.StandardCharsets.UTF_8));
        }
        return safe.toString();
    }
}
