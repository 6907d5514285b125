package dev.tlsconsole.web;

import java.util.Collection;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role checks for code that adapts what it shows (dashboard tiles, buttons) rather than guards:
 * honours the role hierarchy, so an ADMIN counts as OPERATOR and AUDITOR too. Roles are named as
 * in {@code security.accounts.Role} ({@code ADMIN}, {@code OPERATOR}, {@code AUDITOR}).
 */
@Component
public class CurrentUser {

    private final RoleHierarchy hierarchy;

    CurrentUser(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        Collection<? extends GrantedAuthority> reachable = hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities());
        String authority = "ROLE_" + role;
        return reachable.stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** The signed-in user's name, or null. */
    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
