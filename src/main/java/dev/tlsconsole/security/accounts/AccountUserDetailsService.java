package dev.tlsconsole.security.accounts;

import java.time.Clock;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads console accounts for Spring Security: roles, enabled flag and the current lockout. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(account -> toUserDetails(account, account.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** The principal of a token-authenticated request: same roles and state, no password. */
    public UserDetails toTokenPrincipal(UserAccount account) {
        return toUserDetails(account, "");
    }

    private UserDetails toUserDetails(UserAccount account, String passwordHash) {
        return User.withUsername(account.getUsername())
                .password(passwordHash)
                .authorities(account.getRoles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.isEnabled())
                .accountLocked(account.isLocked(clock.instant()))
                .build();
    }
}
