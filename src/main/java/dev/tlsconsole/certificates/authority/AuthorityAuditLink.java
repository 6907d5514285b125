package dev.tlsconsole.certificates.authority;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;
import dev.tlsconsole.web.ObjectLinks;

/** Links audit entries about console CAs to the CA's page. */
@Component
class AuthorityAuditLink implements AuditObjectLink {

    private final AuthorityRepository authorities;

    AuthorityAuditLink(AuthorityRepository authorities) {
        this.authorities = authorities;
    }

    @Override
    public AuditObjectType objectType() {
        return AuditObjectType.CERTIFICATE_AUTHORITY;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> path(String objectId, String objectName) {
        if (objectId != null && objectId.matches("\\d{1,18}") && authorities.existsById(Long.parseLong(objectId))) {
            return Optional.of(ObjectLinks.authority(Long.parseLong(objectId)));
        }
        if (objectName != null) {
            return authorities.findByName(objectName).map(ca -> ObjectLinks.authority(ca.getId()));
        }
        return Optional.empty();
    }
}
