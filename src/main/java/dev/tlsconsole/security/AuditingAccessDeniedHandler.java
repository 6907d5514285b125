package dev.tlsconsole.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import dev.tlsconsole.api.Problems;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.DeniedOperation;

/**
 * Every 403 is recorded as a DENIED entry (named after the refused operation when a service method
 * refused it) and answered as a problem document on the API or the 403 page in the UI.
 */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditTrail audit;
    private final Problems problems;

    AuditingAccessDeniedHandler(AuditTrail audit, Problems problems) {
        this.audit = audit;
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        boolean csrf = e instanceof CsrfException;
        String reason = csrf ? "missing or invalid CSRF token" : "the user's roles do not allow it";
        AuditRecord record = DeniedOperation.of(request)
                .map(op -> AuditRecord.denied(op.action(), op.objectId(), op.objectName(),
                        reason + " (" + endpoint + ")"))
                .orElseGet(() -> AuditRecord.denied(AuditAction.ACCESS_DENIED, endpoint, reason));
        audit.recordSeparately(record);
        if (Problems.isApiRequest(request)) {
            problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN,
                    "Your roles do not allow " + endpoint));
        } else {
            request.setAttribute("consoleDeniedReason", csrf ? "csrf" : "role");
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }
}
