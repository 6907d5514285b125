package dev.tlsconsole.security.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.security.accounts.AccountCommands.CreatedToken;
import dev.tlsconsole.security.accounts.AccountCommands.NewToken;
import dev.tlsconsole.security.accounts.AccountCommands.TokenView;

/** Personal API tokens: created and revoked by their owner, looked up by hash on every API call. */
@Service
public class ApiTokenService {

    /** Every token starts with this, so a leaked one is easy to recognise in logs and code. */
    public static final String PREFIX = "tlc_";
    private static final int MAX_DAYS = 3650;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final TokenPrincipalCache tokenPrincipals;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository accounts, AuditTrail audit,
            TokenPrincipalCache tokenPrincipals, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.tokenPrincipals = tokenPrincipals;
        this.clock = clock;
    }

    /** Creates a token for {@code username}; the returned value is the only time it is visible. */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Audited(value = AuditAction.TOKEN_CREATE, objectName = "#command?.name()")
    @Transactional
    public CreatedToken create(String username, NewToken command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidInputException.of("name", "is required, at most 100 characters (e.g. 'ci-pipeline')");
        }
        Integer days = command.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw InvalidInputException.of("expiresInDays", "must be between 1 and " + MAX_DAYS + ", or absent for no expiry");
        }
        UserAccount account = accounts.findByUsername(username).orElseThrow(() -> NotFoundException.of("User", username));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = days == null ? null : now.plus(Duration.ofDays(days));
        ApiToken saved = tokens.save(new ApiToken(account, name, hash(token), token.substring(0, PREFIX.length() + 6),
                now, expiresAt));
        tokens.flush();
        audit.record(AuditRecord.success(saved.getId(), name, null,
                TokenView.of(saved, now)));
        return new CreatedToken(saved.getId(), name, token, expiresAt);
    }

    /** The owner's tokens, newest first — never the token values. */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional(readOnly = true)
    public List<TokenView> list(String username) {
        Instant now = clock.instant();
        return tokens.findByAccountUsernameOrderByCreatedAtDesc(username).stream().map(t -> TokenView.of(t, now)).toList();
    }

    /** Revokes one of the owner's tokens; it stops working at once. */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Audited(value = AuditAction.TOKEN_REVOKE, objectId = "#id")
    @Transactional
    public void revoke(String username, long id) {
        ApiToken token = tokens.findById(id)
                .filter(t -> t.getAccount().getUsername().equals(username))
                .orElseThrow(() -> NotFoundException.of("API token", id));
        TokenView before = TokenView.of(token, clock.instant());
        token.revoke(clock.instant());
        tokens.flush();
        tokenPrincipals.forgetAfterCommit();
        audit.record(AuditRecord.success(id, token.getName(), before,
                TokenView.of(token, clock.instant())));
    }

    /** A token that was found valid: its account (roles loaded) and its own expiry (null = none). */
    public record VerifiedToken(UserAccount account, Instant expiresAt) {
    }

    /** The account behind a presented token, if the token is valid now. Called before authentication. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<VerifiedToken> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(presented))
                .filter(token -> token.isUsable(now))
                .map(token -> {
                    if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                        tokens.recordUse(token.getId(), now, now.minus(LAST_USED_GRANULARITY));
                    }
                    UserAccount account = token.getAccount();
                    account.getRoles(); // initialise inside the transaction
                    return new VerifiedToken(account, token.getExpiresAt());
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
