package dev.tlsconsole.audit;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (the demo's seeders) as the console itself: an operator named {@link AuditTrail#SYSTEM},
 * so that the services' role checks pass and the trail names who did it. The caller's security context is
 * restored afterwards.
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T asOperator(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(AuditTrail.SYSTEM, null,
                AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
