package dev.tlsconsole.certificates.authority;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.x509.RevocationReason;

/**
 * Revokes a certificate issued by a console CA with an RFC 5280 reason and publishes that CA's new CRL
 * in the same transaction, so the inventory and the CRL never disagree.
 */
@Service
public class RevocationService {

    private final CertificateStore certificates;
    private final AuthorityViews authorities;
    private final CrlPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;

    RevocationService(CertificateStore certificates, AuthorityViews authorities, CrlPublisher publisher, AuditTrail audit,
            Clock clock) {
        this.certificates = certificates;
        this.authorities = authorities;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param reasonName an RFC 5280 reason name such as {@code keyCompromise}
     * @throws ConflictException not issued by a console CA, or already revoked
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_REVOKE, objectId = "#id")
    @Transactional
    public CertificateView revoke(long id, String reasonName) {
        StoredCertificate certificate = certificates.require(id);
        RevocationReason reason;
        try {
            reason = RevocationReason.fromName(reasonName == null || reasonName.isBlank() ? "unspecified" : reasonName);
        } catch (PkiInputException e) {
            throw InvalidInputException.of("reason", e.getMessage());
        }
        if (reason == RevocationReason.REMOVE_FROM_CRL) {
            throw InvalidInputException.of("reason", "removeFromCRL is only used in delta CRLs; choose the reason for revoking");
        }
        if (certificate.getIssuedByAuthorityId() == null) {
            throw new ConflictException("'" + certificate.getName() + "' was not issued by a console CA: revoke it at the CA that"
                    + " issued it (" + certificate.getIssuer() + ") and import that CA's CRL", Map.of("issuer", certificate.getIssuer()));
        }
        if (certificate.getRevokedAt() != null) {
            throw new ConflictException("'" + certificate.getName() + "' is already revoked (" + certificate.getRevocationReason().rfcName()
                    + ", " + certificate.getRevokedAt() + ")", Map.of("revokedAt", certificate.getRevokedAt()));
        }
        CertificateView before = certificates.view(certificate);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        certificates.revokeByAuthority(certificate, now, reason);
        CertificateAuthority ca = authorities.require(certificate.getIssuedByAuthorityId());
        Crl crl = publisher.publish(ca);
        CertificateView after = certificates.view(certificate);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("certificate", after);
        state.put("authority", ca.getName());
        state.put("crlNumber", crl.getCrlNumber());
        audit.record(AuditRecord.success(id, certificate.getName(),
                before, state));
        return after;
    }
}
