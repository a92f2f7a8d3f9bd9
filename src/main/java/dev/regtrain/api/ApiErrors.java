package dev.regtrain.api;

import dev.regtrain.data.CsvFormatException;
import dev.regtrain.data.DataTooLargeException;
import dev.regtrain.data.InvalidParameterException;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.FieldError;
import dev.regtrain.idempotency.IdempotencyMismatchException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.StorageException;
import dev.regtrain.common.StorageFullException;
import dev.regtrain.jobs.ActiveJobsQuotaException;
import dev.regtrain.jobs.QueueFullException;
import dev.regtrain.models.PredictionTooLongException;
import dev.regtrain.security.StorageQuotaExceededException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** The one error handler: every error is an RFC 9457 problem with a stable type, a constant title and no internals. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        return Problems.response(Problems.invalid(e.errors(), request.getRequestURI()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        return Problems.response(Problems.invalid(List.of(new FieldError(e.parameter(), e.getMessage())),
                request.getRequestURI()));
    }

    @ExceptionHandler(CsvFormatException.class)
    ResponseEntity<ProblemDetail> invalidCsv(CsvFormatException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(Problems.Kind.INVALID_CSV, e.getMessage(), request.getRequestURI());
        problem.setProperty("line", e.line());
        problem.setProperty("errors", List.of(new FieldError("body", e.getMessage())));
        return Problems.response(problem);
    }

    @ExceptionHandler({DataTooLargeException.class, BodyLimitFilter.BodyTooLargeException.class})
    ResponseEntity<ProblemDetail> tooLarge(RuntimeException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.TOO_LARGE, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.NOT_FOUND, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.CONFLICT, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(IdempotencyMismatchException.class)
    ResponseEntity<ProblemDetail> idempotencyMismatch(IdempotencyMismatchException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.UNPROCESSABLE, e.getMessage(),
                request.getRequestURI()));
    }

    @ExceptionHandler(RequestBodyStream.UnreadableBodyException.class)
    ResponseEntity<ProblemDetail> unreadableBody(RuntimeException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> slow = tooSlow(e, request.getRequestURI());
        if (slow != null) {
            return slow;
        }
        Problems.Kind kind = e.getCause() instanceof BodyLimitFilter.BodyTooLargeException ? Problems.Kind.TOO_LARGE
                : Problems.Kind.INVALID_REQUEST;
        return Problems.response(Problems.problem(kind, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(QueueFullException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.QUEUE_FULL, e.getMessage(), request.getRequestURI()),
                e.retryAfter().toSeconds());
    }

    /** An owner's queued and running jobs reached regtrain.security.quota.max-active-jobs: later, once one ends. */
    @ExceptionHandler(ActiveJobsQuotaException.class)
    ResponseEntity<ProblemDetail> activeJobsQuota(ActiveJobsQuotaException e, HttpServletRequest request) {
        return Problems.response(Problems.quota(Problems.Kind.ACTIVE_JOBS_QUOTA, e.getMessage(), e,
                request.getRequestURI()), e.retryAfter().toSeconds());
    }

    /**
     * An owner holds (or with this upload would hold) regtrain.security.quota.max-stored-bytes: no Retry-After, since
     * waiting frees nothing; the owner must delete something.
     */
    @ExceptionHandler(StorageQuotaExceededException.class)
    ResponseEntity<ProblemDetail> storageQuota(StorageQuotaExceededException e, HttpServletRequest request) {
        return Problems.response(Problems.quota(Problems.Kind.STORAGE_QUOTA, e.getMessage(), e,
                request.getRequestURI()));
    }

    @ExceptionHandler(JobEventsController.TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(RuntimeException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.UNAVAILABLE, e.getMessage(), request.getRequestURI()),
                5);
    }

    /** The data directory is full: nothing was created or changed; retry once an operator has made room. */
    @ExceptionHandler(StorageFullException.class)
    ResponseEntity<ProblemDetail> storageFull(StorageFullException e, HttpServletRequest request) {
        log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return Problems.response(Problems.problem(Problems.Kind.STORAGE_FULL, e.getMessage()
                + "; nothing was changed; retry once there is room again", request.getRequestURI()), 60);
    }

    /** The store failed to read or write: the operation did not happen; a retry may succeed. */
    @ExceptionHandler(StorageException.class)
    ResponseEntity<ProblemDetail> storageFailed(StorageException e, HttpServletRequest request) {
        log.error("{} {}: the store failed", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(Problems.problem(Problems.Kind.UNAVAILABLE, e.getMessage()
                + "; nothing was changed; retry later", request.getRequestURI()), 10);
    }

    @ExceptionHandler(PredictionTooLongException.class)
    ResponseEntity<ProblemDetail> predictionTooLong(RuntimeException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.UNAVAILABLE, e.getMessage(), request.getRequestURI()),
                1);
    }

    @ExceptionHandler(JobEventsController.TooManyClientStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyClientStreams(RuntimeException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(Problems.Kind.TOO_MANY_REQUESTS, e.getMessage(),
                request.getRequestURI()), 5);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e,
                                                     HttpServletRequest request) {
        String expected = e.getRequiredType() == Integer.class || e.getRequiredType() == int.class
                ? "must be a whole number" : "has the wrong type";
        return Problems.response(Problems.invalid(List.of(new FieldError(e.getName(), expected)),
                request.getRequestURI()));
    }

    /** Tomcat cannot decode the query string: a parameter without a name, a broken %-escape, bytes not in UTF-8. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(org.apache.tomcat.util.http.InvalidParameterException e,
                                                        HttpServletRequest request) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return Problems.response(Problems.problem(Problems.Kind.TOO_LARGE,
                    "the request has more parameters than the server accepts", request.getRequestURI()));
        }
        return Problems.response(Problems.problem(Problems.Kind.INVALID_REQUEST, "the query string cannot be decoded: "
                + "every parameter needs a name, and names and values must be percent-encoded UTF-8",
                request.getRequestURI()));
    }

    /**
     * A body that arrived too slowly, wherever its reader wrapped the refusal: 408, and the connection closed, so that
     * the rest of the body is not waited for.
     */
    static ResponseEntity<ProblemDetail> tooSlow(Throwable e, String path) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooSlowException slow) {
                ProblemDetail problem = Problems.problem(Problems.Kind.REQUEST_TIMEOUT, slow.getMessage(), path);
                return ResponseEntity.status(problem.getStatus()).header("Connection", "close")
                        .contentType(Problems.PROBLEM_JSON).body(problem);
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> slow = tooSlow(e, request.getRequestURI());
        if (slow != null) {
            return slow;
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(Problems.problem(Problems.Kind.INTERNAL, Problems.INTERNAL_DETAIL,
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String path = path(request);
        ResponseEntity<ProblemDetail> slow = tooSlow(e, path);
        if (slow != null) {
            return ResponseEntity.status(slow.getStatusCode()).headers(slow.getHeaders()).body(slow.getBody());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return body(Problems.problem(Problems.Kind.TOO_LARGE, tooLarge.getMessage(), path));
            }
        }
        if (e.getCause() instanceof JacksonException jackson) {
            FieldError error = JsonErrors.fieldError(jackson);
            return error == null ? body(Problems.problem(Problems.Kind.MALFORMED_JSON, JsonErrors.location(jackson), path))
                    : body(Problems.invalid(List.of(error), path));
        }
        return body(Problems.problem(Problems.Kind.MALFORMED_JSON, "the body is missing or is not valid JSON", path));
    }

    /** Query parameters bound to a record (a preview's settings) that do not convert: one field error each. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.isBindingFailure() ? "has the wrong type" : "is invalid"))
                .toList();
        return body(Problems.invalid(errors.isEmpty() ? List.of(new FieldError("query", "is invalid")) : errors,
                path(request)));
    }

    /** Every problem the base class builds (404, 405, 406, 415, missing parameters …) gets our type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                : "the request cannot be handled";
        Problems.Kind kind = Problems.Kind.forStatus(status.value());
        if (kind == Problems.Kind.INTERNAL) {
            log.error("request failed", e);
            detail = Problems.INTERNAL_DETAIL;
        }
        ProblemDetail problem = Problems.problem(kind, detail, path(request));
        HttpHeaders kept = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            kept.setAllow(headers.getAllow());
        }
        kept.setContentType(Problems.PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(kept).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
