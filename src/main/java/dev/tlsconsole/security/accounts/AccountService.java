package dev.tlsconsole.security.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.security.accounts.AccountCommands.AccountChange;
import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountCommands.NewAccount;

/**
 * Account administration (ADMIN) and the signed-in user's own password. Every change is audited;
 * the safeguards keep at least one enabled administrator.
 */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final TokenPrincipalCache tokenPrincipals;
    private final Clock clock;
    private final LoginAttemptService loginAttempts;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            AuditTrail audit, TokenPrincipalCache tokenPrincipals, Clock clock, LoginAttemptService loginAttempts) {
        this.loginAttempts = loginAttempts;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.tokenPrincipals = tokenPrincipals;
        this.clock = clock;
    }

    /** Every account, a page at a time. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AccountView> list(Pageable pageable) {
        return search(null, pageable);
    }

    /** Accounts whose username contains {@code query} (all when blank), a page at a time. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AccountView> search(String query, Pageable pageable) {
        Page<UserAccount> page = query == null || query.isBlank()
                ? accounts.findAll(pageable)
                : accounts.findByUsernameContainingIgnoreCase(query.strip(), pageable);
        return page.map(a -> AccountView.of(a, clock.instant()));
    }

    /** How many accounts exist and how many are locked right now. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public AccountCounts counts() {
        return new AccountCounts(accounts.count(), accounts.countLocked(clock.instant()));
    }

    /** Figures for the dashboard. */
    public record AccountCounts(long total, long locked) {
    }

    /** One account; {@link NotFoundException} when there is none with that id. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public AccountView get(long id) {
        return AccountView.of(find(id), clock.instant());
    }

    /** Creates an account; every rule it breaks is reported at once. */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.USER_CREATE, objectName = "#command?.username()")
    @Transactional
    public AccountView create(NewAccount command) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = command.username() == null ? "" : command.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username",
                    "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        } else if (accounts.existsByUsernameIgnoreCase(username)) {
            problems.add(new FieldProblem("username", "'" + username + "' is already taken"));
        }
        problems.addAll(passwordPolicy.check("password", username, command.password()));
        problems.addAll(checkRoles(command.roles()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UserAccount account = accounts.save(new UserAccount(username, passwordEncoder.encode(command.password()),
                command.roles(), clock.instant()));
        accounts.flush();
        AccountView view = AccountView.of(account, clock.instant());
        audit.record(AuditRecord.success(account.getId(), username, null, view));
        return view;
    }

    /** Changes roles and/or enabled; a change based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.USER_UPDATE, objectId = "#id")
    @Transactional
    public AccountView update(long id, AccountChange change) {
        UserAccount account = find(id);
        AccountView before = AccountView.of(account, clock.instant());
        if (change.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (change.version() != account.getVersion()) {
            throw ConflictException.staleVersion("User", account.getUsername(), change.version(), account.getVersion(), before);
        }
        if (change.roles() != null) {
            List<FieldProblem> problems = checkRoles(change.roles());
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        Set<Role> roles = change.roles() == null ? account.getRoles() : change.roles();
        boolean enabled = change.enabled() == null ? account.isEnabled() : change.enabled();
        guardLastAdmin(account, roles, enabled);
        guardSelf(account, roles, enabled);
        account.changeRoles(roles);
        account.setEnabled(enabled);
        accounts.flush();
        AccountView after = AccountView.of(account, clock.instant());
        tokenPrincipals.forgetAfterCommit();
        audit.record(AuditRecord.success(id, account.getUsername(), before, after));
        return after;
    }

    /** Sets a new password for another user (ADMIN) and lifts any lockout. */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.USER_PASSWORD_RESET, objectId = "#id")
    @Transactional
    public void resetPassword(long id, String newPassword) {
        UserAccount account = find(id);
        List<FieldProblem> problems = passwordPolicy.check("password", account.getUsername(), newPassword);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        account.unlock();
        tokenPrincipals.forgetAfterCommit();
        audit.record(AuditRecord.success(id, account.getUsername(), null,
                Map.of("passwordChanged", true, "unlocked", true)));
    }

    /** Lifts a lockout before it expires. */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.USER_UNLOCK, objectId = "#id")
    @Transactional
    public AccountView unlock(long id) {
        UserAccount account = find(id);
        AccountView before = AccountView.of(account, clock.instant());
        account.unlock();
        accounts.flush();
        AccountView after = AccountView.of(account, clock.instant());
        tokenPrincipals.forgetAfterCommit();
        audit.record(AuditRecord.success(id, account.getUsername(), before, after));
        return after;
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @PreAuthorize("isAuthenticated()")
    @Audited(value = AuditAction.USER_PASSWORD_CHANGE, objectName = "#username")
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = accounts.findByUsername(username).orElseThrow(() -> NotFoundException.of("User", username));
        List<FieldProblem> problems = new ArrayList<>();
        if (account.isLocked(clock.instant())) {
            throw InvalidInputException.of("currentPassword",
                    "too many wrong passwords: the account is locked for now, try again later");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            // a wrong current password is a guess like a failed login: it counts toward the lockout
            loginAttempts.failed(username, null);
            problems.add(new FieldProblem("currentPassword", "is not your current password"));
        } else if (passwordEncoder.matches(newPassword == null ? "" : newPassword, account.getPasswordHash())) {
            problems.add(new FieldProblem("newPassword", "must differ from the current password"));
        }
        problems.addAll(passwordPolicy.check("newPassword", username, newPassword));
        if (newPassword != null && Objects.equals(newPassword, currentPassword)) {
            problems.add(new FieldProblem("newPassword", "must differ from the current password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        audit.record(AuditRecord.success(account.getId(), username, null,
                Map.of("passwordChanged", true)));
    }

    /** The signed-in user's own account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AccountView me(String username) {
        return accounts.findByUsername(username).map(a -> AccountView.of(a, clock.instant()))
                .orElseThrow(() -> NotFoundException.of("User", username));
    }

    private UserAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> NotFoundException.of("User", id));
    }

    private static List<FieldProblem> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            return List.of(new FieldProblem("roles", "choose at least one of ADMIN, OPERATOR, AUDITOR"));
        }
        if (roles.contains(Role.AUDITOR) && (roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR))) {
            return List.of(new FieldProblem("roles",
                    "AUDITOR is read-only and cannot be combined with ADMIN or OPERATOR (ADMIN already reads everything)"));
        }
        return List.of();
    }

    private void guardLastAdmin(UserAccount account, Set<Role> roles, boolean enabled) {
        boolean wasActiveAdmin = account.isEnabled() && account.getRoles().contains(Role.ADMIN);
        boolean staysActiveAdmin = enabled && roles.contains(Role.ADMIN);
        if (wasActiveAdmin && !staysActiveAdmin && accounts.countEnabledAdmins() <= 1) {
            throw new ConflictException("'" + account.getUsername()
                    + "' is the last enabled administrator: make another user ADMIN first",
                    Map.of("username", account.getUsername()));
        }
    }

    private static void guardSelf(UserAccount account, Set<Role> roles, boolean enabled) {
        String me = AuditTrail.currentActor();
        if (account.getUsername().equals(me) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new ConflictException("You cannot disable yourself or remove your own ADMIN role",
                    Map.of("username", me));
        }
    }
}
