package dev.tlsconsole.audit;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.tlsconsole.api.ApiPaths;
import dev.tlsconsole.api.Problems;

/**
 * Makes sure every mutating API request leaves exactly one audit entry. Services record successes and
 * their own failures, the security layer records denials and failed logins; a request rejected before
 * it reached any of them (malformed JSON, an unknown path, a missing parameter, no credentials) gets
 * its FAILURE entry here, with the problem detail the client was given.
 */
class AuditCoverageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditCoverageFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;

    AuditCoverageFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !MUTATING.contains(request.getMethod()) || !path.startsWith(ApiPaths.PREFIX + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            recordIfMissing(request, "request failed: internal error");
            throw e;
        }
        int status = response.getStatus();
        if (status >= 400) {
            Object detail = request.getAttribute(Problems.DETAIL_ATTRIBUTE);
            recordIfMissing(request, "HTTP " + status + (detail == null ? "" : ": " + detail));
        } else if (request.getAttribute(AuditTrail.RECORDED_ATTRIBUTE) == null && !readOnly(request)) {
            // a coverage gap in the code: the audit coverage test fails on it too
            log.warn("{} {} succeeded without writing an audit entry", request.getMethod(), request.getRequestURI());
        }
    }

    /** POSTs that only compute an answer (previews, the chain check) write nothing, so there is nothing to audit. */
    private static boolean readOnly(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && (path.endsWith("/preview") || path.endsWith("/certificates/validate"));
    }

    private void recordIfMissing(HttpServletRequest request, String detail) {
        if (request.getAttribute(AuditTrail.RECORDED_ATTRIBUTE) != null) {
            return;
        }
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        if (endpoint.length() > 255) {
            // a hostile path may be longer than the trail's object_name column
            endpoint = endpoint.substring(0, 254) + "…";
        }
        trail.recordSeparately(AuditRecord.failure(AuditAction.REQUEST_REJECTED, endpoint,
                detail.length() > 1900 ? detail.substring(0, 1900) + "..." : detail));
    }
}
