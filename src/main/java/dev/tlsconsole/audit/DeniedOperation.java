package dev.tlsconsole.audit;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The audited operation a denial was about. Method security denies inside the service call, but the
 * denial is answered (and recorded) by the security layer; this carries the operation's name across.
 */
public record DeniedOperation(AuditAction action, String objectId, String objectName) {

    static final String ATTRIBUTE = DeniedOperation.class.getName();

    /** The denied operation of this request, if an {@link Audited} method was refused. */
    public static Optional<DeniedOperation> of(HttpServletRequest request) {
        return Optional.ofNullable((DeniedOperation) request.getAttribute(ATTRIBUTE));
    }
}
