package dev.tlsconsole.api;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem documents: the one error format of the API, used by the
 * controller advice, the security entry points and the {@code /error} fallback alike.
 */
@Component
public class Problems {

    /** Request attribute holding the detail of the problem answered, for the audit entry of a rejected request. */
    public static final String DETAIL_ATTRIBUTE = Problems.class.getName() + ".detail";

    private final JsonMapper mapper;

    Problems(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A problem whose {@code type} is a stable URN derived from the status, e.g. {@code urn:tls-console:problem:not-found}. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        problem.setTitle(title);
        problem.setType(URI.create("urn:tls-console:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        return problem;
    }

    /** True for requests of the public API (and the API docs), which never get HTML. */
    public static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(ApiPaths.PREFIX + "/") || path.equals(ApiPaths.PREFIX) || path.startsWith("/actuator");
    }

    /** Writes a problem straight to a servlet response (for filters, entry points and handlers outside MVC). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        request.setAttribute(DETAIL_ATTRIBUTE, problem.getDetail());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
