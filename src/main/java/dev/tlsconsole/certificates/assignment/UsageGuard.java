package dev.tlsconsole.certificates.assignment;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.inventory.CertificateUsers;

/** Tells the inventory which topology objects still reference a certificate it is asked to delete. */
@Component
class UsageGuard implements CertificateUsers {

    private final CertificateUsages usages;

    UsageGuard(CertificateUsages usages) {
        this.usages = usages;
    }

    @Override
    public List<String> of(long certificateId) {
        return usages.of(certificateId).objects().stream()
                .map(use -> use.type().toLowerCase(java.util.Locale.ROOT) + " " + use.name()).toList();
    }
}
