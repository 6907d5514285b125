package dev.tlsconsole.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.security.accounts.LoginAttemptService;

/**
 * Records sign-ins (form login successes; every failure, from the form or HTTP Basic) and drives
 * the lockout counter. API calls that authenticate successfully are not "logins" and are not recorded.
 */
@Component
class LoginAuditListener {

    private final AuditTrail audit;
    private final LoginAttemptService attempts;

    LoginAuditListener(AuditTrail audit, LoginAttemptService attempts) {
        this.audit = audit;
        this.attempts = attempts;
    }

    @EventListener
    void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        audit.recordSeparately(AuditRecord.success(AuditAction.AUTH_LOGIN, null, authentication.getName(), null, null),
                authentication.getName(), sourceOf(authentication));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        attempts.succeeded(event.getAuthentication().getName());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (dev.tlsconsole.api.Problems.databaseUnavailable(event.getException())) {
            // the credentials could not even be checked, and the trail cannot be written: the client gets a 503
            return;
        }
        Authentication authentication = event.getAuthentication();
        String username = authentication.getName();
        String reason;
        if (event instanceof AuthenticationFailureLockedEvent) {
            reason = "the account is locked";
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "the account is disabled";
        } else if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            reason = "wrong username or password";
        } else {
            reason = "authentication failed";
        }
        String source = sourceOf(authentication);
        audit.recordSeparately(AuditRecord.failure(AuditAction.AUTH_LOGIN, username, reason), username, source);
        if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null) {
            attempts.failed(username, source);
        }
    }

    private static String sourceOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return AuditTrail.currentSourceAddress();
    }
}
