package dev.tlsconsole.security.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Verified API tokens, remembered for {@link #TTL} so a busy script does not cost a database lookup per
 * request. Any change to a token or an account forgets everything on this instance as soon as it
 * commits (revocation, disabling, role changes, lockout take effect at once here); another console
 * instance behind the same load balancer sees them within {@link #TTL}.
 */
@Component
public class TokenPrincipalCache {

    /** How long a verified token is trusted without asking the database again. */
    public static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(UserDetails principal, Instant validUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenPrincipalCache(Clock clock) {
        this.clock = clock;
    }

    /** The principal of a token verified less than {@link #TTL} ago (and not expired since). */
    public Optional<UserDetails> find(String presentedToken) {
        Entry entry = entries.get(ApiTokenService.hash(presentedToken));
        if (entry == null || !entry.validUntil().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    /** Remembers a token just verified against the database; never beyond the token's own expiry. */
    public void remember(String presentedToken, UserDetails principal, Instant tokenExpiresAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant until = clock.instant().plus(TTL);
        if (tokenExpiresAt != null && tokenExpiresAt.isBefore(until)) {
            until = tokenExpiresAt;
        }
        entries.put(ApiTokenService.hash(presentedToken), new Entry(principal, until));
    }

    /** Forgets every remembered token when the current transaction commits (at once outside one). */
    void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.clear();
                }
            });
        } else {
            entries.clear();
        }
    }
}
