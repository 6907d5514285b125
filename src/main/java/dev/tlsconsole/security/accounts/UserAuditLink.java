package dev.tlsconsole.security.accounts;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;
import dev.tlsconsole.web.ObjectLinks;

/** Links audit entries about users to the user's page while the account exists. */
@Component
class UserAuditLink implements AuditObjectLink {

    private final UserAccountRepository accounts;

    UserAuditLink(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuditObjectType objectType() {
        return AuditObjectType.USER;
    }

    @Override
    public Optional<String> path(String objectId, String objectName) {
        if (objectId != null && objectId.matches("\\d{1,18}") && accounts.existsById(Long.parseLong(objectId))) {
            return Optional.of(ObjectLinks.user(Long.parseLong(objectId)));
        }
        if (objectName != null) {
            return accounts.findByUsername(objectName).map(account -> ObjectLinks.user(account.getId()));
        }
        return Optional.empty();
    }
}
