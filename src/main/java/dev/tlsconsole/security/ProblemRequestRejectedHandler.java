package dev.tlsconsole.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import dev.tlsconsole.api.Problems;

/**
 * A request the security firewall refuses (an encoded NUL, slash, backslash or percent sign in the path, a
 * path that is not normalised…) is a 400: a problem document under {@code /api}, the error page elsewhere.
 * Spring Security uses this bean instead of its default, which answers API clients with an empty body.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final Problems problems;

    ProblemRequestRejectedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (Problems.isApiRequest(request)) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST,
                    "The request path contains characters the console refuses (encoded NUL, slash, backslash or percent sign,"
                            + " or a path that is not normalised)"));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }
}
