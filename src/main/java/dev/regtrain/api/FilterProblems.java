package dev.regtrain.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a filter of the security chain, before Spring MVC: the same document as every other error
 * ({@link Problems}), written at once rather than through an error dispatch that would pass the chain again.
 */
final class FilterProblems {

    private final JsonMapper json;

    FilterProblems(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, Problems.Kind kind, String detail)
            throws IOException {
        ProblemDetail problem = Problems.problem(kind, detail, request.getRequestURI());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
        response.flushBuffer();
    }
}
