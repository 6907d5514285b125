package dev.tlsconsole.security.accounts;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConsoleProperties;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;

/**
 * Counts failed logins and locks an account after too many in a row (configurable), so passwords
 * cannot be guessed through the login form or HTTP Basic. Runs before anyone is authenticated.
 */
@Service
public class LoginAttemptService {

    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final ConsoleProperties.Accounts settings;
    private final TokenPrincipalCache tokenPrincipals;
    private final Clock clock;

    LoginAttemptService(UserAccountRepository accounts, AuditTrail audit, ConsoleProperties properties,
            TokenPrincipalCache tokenPrincipals, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = properties.accounts();
        this.tokenPrincipals = tokenPrincipals;
        this.clock = clock;
    }

    /** A wrong password for {@code username}; locks the account (and records the lockout) when it is one too many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String sourceAddress) {
        accounts.lockByUsername(username).ifPresent(account -> {
            if (account.recordFailedLogin(settings.lockoutMaxAttempts(), settings.lockoutDuration(), clock.instant())) {
                tokenPrincipals.forgetAfterCommit();
                audit.record(AuditRecord.of(AuditAction.AUTH_LOCKOUT, account.getId(),
                        username, dev.tlsconsole.audit.AuditOutcome.SUCCESS,
                        "locked after " + settings.lockoutMaxAttempts() + " failed logins",
                        null, Map.of("lockedUntil", account.getLockedUntil().toString())), username);
            }
        });
    }

    /** A successful login clears the failure count (written only when there is something to clear). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        accounts.findByUsername(username)
                .filter(account -> account.getFailedAttempts() > 0 && !account.isLocked(clock.instant()))
                .flatMap(account -> accounts.lockByUsername(username))
                .filter(account -> !account.isLocked(clock.instant()))
                .ifPresent(UserAccount::recordSuccessfulLogin);
    }
}
