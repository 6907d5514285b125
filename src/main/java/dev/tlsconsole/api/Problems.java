package dev.tlsconsole.api;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, sanitize(detail));
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        problem.setTitle(title);
        problem.setType(URI.create("urn:tls-console:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        return problem;
    }

    /** Longest piece of client input an answer repeats. */
    public static final int MAX_ECHO = 200;
    private static final int MAX_DETAIL = 2000;
    /** A qualified Java class name ({@code org.bouncycastle.asn1.ASN1Exception}), with an optional ": " after it. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?::\\s*)?");
    private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (MAX_ECHO + 1) + ",}");
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + (MAX_ECHO + 1) + ",})'");

    /** {@code value} cut to {@link #MAX_ECHO} characters, control characters shown as '?', for repeating it in an answer. */
    public static String clip(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
        return cut.chars().anyMatch(Character::isISOControl)
                ? cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                : cut;
    }

    /**
     * A text fit for an answer: without internal class names, every run of more than {@link #MAX_ECHO}
     * characters cut (an echoed value), and at most 2,000 characters in all.
     */
    public static String sanitize(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.length() > 50 * MAX_DETAIL ? text.substring(0, 50 * MAX_DETAIL) : text;
        cleaned = LONG_QUOTE.matcher(cleaned).replaceAll(quoted -> Matcher.quoteReplacement("'" + clip(quoted.group(1)) + "'"));
        cleaned = LONG_RUN.matcher(cleaned).replaceAll(run -> Matcher.quoteReplacement(clip(run.group())));
        cleaned = CLASS_NAME.matcher(cleaned).replaceAll("");
        if (cleaned.length() > MAX_DETAIL) {
            cleaned = cleaned.substring(0, MAX_DETAIL) + "…";
        }
        return cleaned.isBlank() ? "The request could not be processed" : cleaned;
    }

    /** True when {@code error} (or a cause of it) says the database cannot be reached. */
    public static boolean databaseUnavailable(Object error) {
        Throwable cause = error instanceof Throwable throwable ? throwable : null;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** True for requests of the public API (and the API docs), which never get HTML. */
    public static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(ApiPaths.PREFIX + "/") || path.equals(ApiPaths.PREFIX) || path.startsWith("/actuator");
    }

    /** Writes a problem straight to a servlet response (for filters, entry points and handlers outside MVC). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setDetail(sanitize(problem.getDetail()));
        request.setAttribute(DETAIL_ATTRIBUTE, problem.getDetail());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
