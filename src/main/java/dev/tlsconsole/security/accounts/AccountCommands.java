package dev.tlsconsole.security.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

import java.time.Instant;
import java.util.Set;

/** Requests and read models of account management, shared by the UI and the API. */
public final class AccountCommands {

    /** What a username is made of (3 to 64 characters), checked before anything else. */
    static final String USERNAME = "\\s*[a-z0-9][a-z0-9._-]{2,63}\\s*";
    static final String USERNAME_RULE = "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-',"
            + " starting with a letter or digit";

    private AccountCommands() {
    }

    /** Create an account. */
    public record NewAccount(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 64, message = FieldRules.TOO_LONG)
            @Pattern(regexp = AccountCommands.USERNAME, message = AccountCommands.USERNAME_RULE) String username,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password, Set<Role> roles) {
        @Override
        public String toString() {
            return "NewAccount[" + username + ", roles=" + roles + ", password redacted]";
        }
    }

    /** Change roles and/or the enabled flag; {@code version} is the version the change was based on. */
    public record AccountChange(Set<Role> roles, Boolean enabled, Long version) {
    }

    /** An account as shown to administrators. Never carries the password hash. */
    public record AccountView(Long id, String username, Set<Role> roles, boolean enabled, boolean locked,
            Instant lockedUntil, int failedAttempts, Instant createdAt, Instant passwordChangedAt, long version) {

        static AccountView of(UserAccount account, Instant now) {
            return new AccountView(account.getId(), account.getUsername(), account.getRoles(), account.isEnabled(),
                    account.isLocked(now), account.isLocked(now) ? account.getLockedUntil() : null,
                    account.getFailedAttempts(), account.getCreatedAt(), account.getPasswordChangedAt(),
                    account.getVersion());
        }
    }

    /** Create a personal API token. {@code expiresInDays} null = never expires. */
    public record NewToken(@Size(max = 100, message = FieldRules.TOO_LONG) String name, Integer expiresInDays) {
    }

    /** The one time a token is shown in clear. */
    public record CreatedToken(Long id, String name, String token, Instant expiresAt) implements java.io.Serializable {
        @Override
        public String toString() {
            return "CreatedToken[" + id + ", " + name + ", token redacted]";
        }
    }

    /** A token as listed to its owner: never the token itself. */
    public record TokenView(Long id, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String status) {

        static TokenView of(ApiToken token, Instant now) {
            String status = token.getRevokedAt() != null ? "REVOKED"
                    : token.getExpiresAt() != null && !token.getExpiresAt().isAfter(now) ? "EXPIRED" : "ACTIVE";
            return new TokenView(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
                    token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt(), status);
        }
    }
}
