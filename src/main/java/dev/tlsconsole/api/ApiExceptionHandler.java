package dev.tlsconsole.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;

/**
 * Turns every error of an API request into {@code application/problem+json} with a message a user
 * can act on — never a stack trace, never HTML. Requests outside the API are left to the HTML error
 * pages (the handlers re-throw, which hands the exception back to Spring MVC unchanged).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Broken input rules, the declared ones (Bean Validation on the commands) included: those are checked
     * where the write is audited ({@code FieldRules}), so no controller uses {@code @Valid} and Spring's own
     * validation exceptions do not arise (should one, it is a 400 through {@link #unexpected}).
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
        return validationProblem(e.getMessage(), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        String detail = ErrorDescriptions.unreadableBody(e);
        String field = ErrorDescriptions.unreadableField(e);
        if (!field.isEmpty()) {
            // a field of the wrong type, an unknown value or an unknown field is invalid input like any other:
            // API.md promises errors[{field, message}] for it
            String message = detail.startsWith("Field '" + field + "': ")
                    ? detail.substring(("Field '" + field + "': ").length()) : detail;
            return validationProblem(detail, List.of(Map.of("field", field, "message", message)));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, detail));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return validationProblem("Parameter '" + e.getParameterName() + "' is required",
                List.of(Map.of("field", e.getParameterName(), "message", "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        String expected = e.getRequiredType() == null ? "another type" : describeType(e.getRequiredType());
        String message = "'" + Problems.clip(String.valueOf(e.getValue())) + "' is not a valid value: expected " + expected;
        return validationProblem("Parameter '" + e.getName() + "': " + message,
                List.of(Map.of("field", e.getName(), "message", message)));
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<ProblemDetail> badSort(PropertyReferenceException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        String message = "cannot sort by '" + e.getPropertyName() + "'";
        return validationProblem("Parameter 'sort': " + message, List.of(Map.of("field", "sort", "message", message)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return respond(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
        e.details().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleWrite(OptimisticLockingFailureException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return respond(Problems.of(HttpStatus.CONFLICT,
                "The object was changed by someone else while your change was saved: read it again and retry"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        log.info("Integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            // SQL "data exception" (a value too long for its column, a character the database cannot store):
            // the input is at fault, not a conflict with other data
            return validationProblem("A value is too long or contains characters the console cannot store",
                    List.of(Map.of("field", "body", "message", "a value is too long or contains characters that cannot be stored")));
        }
        return respond(Problems.of(HttpStatus.CONFLICT,
                "The change conflicts with existing data (a duplicate name, or an object still in use)"));
    }

    /**
     * The database cannot be reached (the pool gave up after its connection timeout): 503 with
     * {@code Retry-After}, so clients back off and retry; the pool recovers on its own.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            java.sql.SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment; nothing was changed. Retry in a few seconds");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(sanitized(problem));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the console accepts"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "The multipart request could not be read"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(Exception e) throws Exception {
        // the security filter chain answers these (401/403 problem documents, and the denial audit entry)
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        if (e instanceof ErrorResponse error) {
            // Spring MVC's own errors (404 for unknown paths, 405, 406, 415, …) keep their status
            return respond(Problems.of(error.getStatusCode(), ErrorDescriptions.framework(error)));
        }
        if (Problems.databaseUnavailable(e)) {
            return databaseUnavailable(e, request);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The console could not complete the request; the error was logged as incident " + incident);
        problem.setProperty("incident", incident);
        return respond(problem);
    }

    private static void requireApi(Exception e, HttpServletRequest request) throws Exception {
        if (!Problems.isApiRequest(request)) {
            throw e;
        }
    }

    private static ResponseEntity<ProblemDetail> validationProblem(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setType(java.net.URI.create("urn:tls-console:problem:invalid-input"));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    /** The problem without class names and with echoed values cut, in its detail and in every listed error. */
    private static ProblemDetail sanitized(ProblemDetail problem) {
        problem.setDetail(Problems.sanitize(problem.getDetail()));
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            problem.setProperty("errors", errors.stream().map(error -> error instanceof Map<?, ?> map
                    ? Map.of("field", Problems.clip(String.valueOf(map.get("field"))),
                            "message", Problems.sanitize(String.valueOf(map.get("message"))))
                    : error).toList());
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        sanitized(problem);
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() instanceof
                org.springframework.web.context.request.ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(Problems.DETAIL_ATTRIBUTE, problem.getDetail());
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        }
        return "a " + type.getSimpleName();
    }
}
