package dev.tlsconsole.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.security.accounts.AccountUserDetailsService;
import dev.tlsconsole.security.accounts.ApiTokenService;
import dev.tlsconsole.security.accounts.TokenPrincipalCache;
import dev.tlsconsole.security.accounts.UserAccount;

/**
 * Authenticates {@code Authorization: Bearer tlc_…} on API requests (a token verified in the last few
 * seconds is not looked up again, see {@link TokenPrincipalCache}). A bad token is answered 401 at once
 * (and audited) rather than falling through to anonymous access.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String INVALID_TOKEN_ATTRIBUTE = ApiTokenAuthenticationFilter.class.getName() + ".invalid";
    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final TokenPrincipalCache verified;
    private final AccountUserDetailsService userDetails;
    private final AuthenticationEntryPoint entryPoint;
    private final AuditTrail audit;
    private final WebAuthenticationDetailsSource detailsSource = new WebAuthenticationDetailsSource();

    ApiTokenAuthenticationFilter(ApiTokenService tokens, TokenPrincipalCache verified, AccountUserDetailsService userDetails,
            AuthenticationEntryPoint entryPoint, AuditTrail audit) {
        this.tokens = tokens;
        this.verified = verified;
        this.userDetails = userDetails;
        this.entryPoint = entryPoint;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.substring(BEARER.length()).strip();
        Optional<UserDetails> principal = verified.find(presented).or(() -> tokens.authenticate(presented)
                .map(token -> {
                    UserDetails usable = usable(token.account());
                    if (usable != null) {
                        verified.remember(presented, usable, token.expiresAt());
                    }
                    return usable;
                }));
        if (principal.isEmpty()) {
            audit.recordSeparately(AuditRecord.failure(AuditAction.AUTH_TOKEN, null,
                    "rejected an unknown, revoked or expired API token"), AuditTrail.currentActor(), request.getRemoteAddr());
            request.setAttribute(INVALID_TOKEN_ATTRIBUTE, Boolean.TRUE);
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, null);
            return;
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, principal.get().getAuthorities());
        authentication.setDetails(detailsSource.buildDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UserDetails usable(UserAccount account) {
        UserDetails details = userDetails.toTokenPrincipal(account);
        return details.isEnabled() && details.isAccountNonLocked() ? details : null;
    }
}
