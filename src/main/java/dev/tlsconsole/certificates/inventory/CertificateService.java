package dev.tlsconsole.certificates.inventory;

import java.time.Clock;
import java.util.List;
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
import dev.tlsconsole.certificates.CertificateChanges;

/**
 * Renaming and deleting certificates (OPERATOR), audited with before and after; reads are
 * {@link CertificateInventory}, adding certificates is {@link CertificateImport} and the CAs' issuance.
 */
@Service
public class CertificateService {

    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final CertificateUsers users;
    private final CertificateChanges changes;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateService(CertificateRepository certificates, CertificateStore store, CertificateUsers users,
            CertificateChanges changes, AuditTrail audit, Clock clock) {
        this.certificates = certificates;
        this.store = store;
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Renames a certificate; a rename based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_UPDATE, objectId = "#id")
    @Transactional
    public CertificateView rename(long id, @jakarta.validation.constraints.Size(max = CertificateStore.MAX_NAME,
            message = dev.tlsconsole.FieldRules.TOO_LONG) String name, Long version) {
        StoredCertificate certificate = store.require(id);
        CertificateView before = store.view(certificate);
        if (version == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (version != certificate.getVersion()) {
            throw ConflictException.staleVersion("Certificate", certificate.getName(), version, certificate.getVersion(), before);
        }
        certificate.rename(store.checkedName(name == null ? "" : name.strip(), id));
        certificates.flush();
        CertificateView after = store.view(certificate);
        audit.record(AuditRecord.success(id, certificate.getName(), before, after));
        return after;
    }

    /**
     * Deletes a certificate and its stored key. Refused while options reference it (the objects are
     * listed), for a console CA's own certificate, and for a certificate revoked by a console CA that has
     * not expired yet (it must stay on that CA's CRLs).
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id) {
        StoredCertificate certificate = store.require(id);
        CertificateView before = store.view(certificate);
        if (certificate.getOrigin() == CertificateOrigin.AUTHORITY) {
            throw new ConflictException("'" + certificate.getName() + "' is the certificate of a console CA and is kept as"
                    + " long as the CA exists", Map.of("usedBy", List.of("certificate authority " + certificate.getSubject())));
        }
        List<String> usedBy = users.of(id);
        if (!usedBy.isEmpty()) {
            throw new ConflictException("'" + certificate.getName() + "' is still used by " + String.join(", ", usedBy)
                    + ": assign another certificate there first", Map.of("usedBy", usedBy));
        }
        if (certificate.getRevocationSource() == StoredCertificate.RevocationSource.AUTHORITY
                && certificate.getNotAfter().isAfter(clock.instant())) {
            throw new ConflictException("'" + certificate.getName() + "' was revoked by a console CA and must stay on its CRL"
                    + " until it expires on " + certificate.getNotAfter(), Map.of("usedBy", List.of("the CRL of its CA")));
        }
        certificates.delete(certificate);
        certificates.flush();
        changes.changed();
        audit.record(AuditRecord.success(id, certificate.getName(), before, null));
    }
}
