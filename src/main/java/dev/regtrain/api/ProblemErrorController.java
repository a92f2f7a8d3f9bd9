package dev.regtrain.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in the servlet container or a filter) end here, and become problems too:
 * no error body of this service is anything but application/problem+json.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // not an error dispatch: a client asked for the error path itself, where nothing is served
            return Problems.response(Problems.problem(Problems.Kind.NOT_FOUND, Problems.NOT_FOUND_DETAIL,
                    request.getRequestURI()));
        }
        int status = code instanceof Integer value && value >= 400 && value < 600 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object detail = request.getAttribute(BodyLimitFilter.DETAIL_ATTRIBUTE);
        return Problems.response(Problems.containerProblem(status, detail == null ? null : detail.toString(),
                "the request is malformed", uri == null ? null : uri.toString()));
    }
}
