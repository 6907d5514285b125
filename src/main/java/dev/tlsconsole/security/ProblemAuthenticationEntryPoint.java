package dev.tlsconsole.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.tlsconsole.api.Problems;

/** 401 for the API and actuator: a problem document and the two ways to authenticate. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "TLS Topology Console";

    private final Problems problems;

    ProblemAuthenticationEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (Problems.databaseUnavailable(e)) {
            // the credentials could not be checked at all: not a 401, the client should retry
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached at the moment, so the credentials cannot be checked. Retry in a few seconds"));
            return;
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        String detail = request.getAttribute(ApiTokenAuthenticationFilter.INVALID_TOKEN_ATTRIBUTE) != null
                ? "The API token is not valid: it is unknown, revoked or expired, or its account is disabled or locked"
                : "Authentication is required: use HTTP Basic with a console account or 'Authorization: Bearer <api-token>'";
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, detail));
    }
}
