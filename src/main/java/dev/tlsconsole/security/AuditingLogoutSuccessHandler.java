package dev.tlsconsole.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;

/** Records the sign-out, then shows the login page with a "signed out" message. */
class AuditingLogoutSuccessHandler implements LogoutSuccessHandler {

    private final AuditTrail audit;

    AuditingLogoutSuccessHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (authentication != null) {
            audit.recordSeparately(AuditRecord.success(AuditAction.AUTH_LOGOUT, null, authentication.getName(), null, null),
                    authentication.getName(), request.getRemoteAddr());
        }
        response.sendRedirect(request.getContextPath() + "/login?logout");
    }
}
