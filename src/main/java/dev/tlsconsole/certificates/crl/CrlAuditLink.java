package dev.tlsconsole.certificates.crl;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;
import dev.tlsconsole.web.ObjectLinks;

/** Links audit entries about imported CRLs to the CRL's page. */
@Component
class CrlAuditLink implements AuditObjectLink {

    private final CrlRepository crls;

    CrlAuditLink(CrlRepository crls) {
        this.crls = crls;
    }

    @Override
    public AuditObjectType objectType() {
        return AuditObjectType.CRL;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> path(String objectId, String objectName) {
        if (objectId != null && objectId.matches("\\d{1,18}") && crls.existsById(Long.parseLong(objectId))) {
            return Optional.of(ObjectLinks.crl(Long.parseLong(objectId)));
        }
        return Optional.empty();
    }
}
