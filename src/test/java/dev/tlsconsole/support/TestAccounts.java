package dev.tlsconsole.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountCommands.NewAccount;
import dev.tlsconsole.security.accounts.AccountService;
import dev.tlsconsole.security.accounts.Role;

/**
 * Creates real accounts through the real service (as {@code admin}), with unique names so test
 * classes sharing one database never collide.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "a-long-test-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountService accounts;

    TestAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    /** A new enabled account with the given roles and {@link #PASSWORD}. */
    public AccountView create(String prefix, Role... roles) {
        String username = prefix + "-" + System.nanoTime() % 100_000 + "-" + SEQUENCE.incrementAndGet();
        return asAdmin(() -> accounts.create(new NewAccount(username, PASSWORD,
                roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles))));
    }

    /** Runs {@code work} as the admin (for set-up steps that the service guards). */
    public static <T> T asAdmin(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
