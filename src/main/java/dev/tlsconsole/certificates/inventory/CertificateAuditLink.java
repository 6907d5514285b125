package dev.tlsconsole.certificates.inventory;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;
import dev.tlsconsole.web.ObjectLinks;

/** Links audit entries about certificates to the certificate's page while it is in the inventory. */
@Component
class CertificateAuditLink implements AuditObjectLink {

    private final CertificateRepository certificates;

    CertificateAuditLink(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    @Override
    public AuditObjectType objectType() {
        return AuditObjectType.CERTIFICATE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> path(String objectId, String objectName) {
        if (objectId != null && objectId.matches("\\d{1,18}") && certificates.existsById(Long.parseLong(objectId))) {
            return Optional.of(ObjectLinks.certificate(Long.parseLong(objectId)));
        }
        if (objectName != null) {
            return certificates.findByName(objectName).map(c -> ObjectLinks.certificate(c.getId()));
        }
        return Optional.empty();
    }
}
