package dev.tlsconsole.certificates.authority;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.crl.CrlStore;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.CrlSummary;

/**
 * Loads a console CA and turns it into its view, inside the caller's transaction and under the caller's
 * authorisation: {@link AuthorityReads} answers the queries with it, {@link AuthorityService},
 * {@link IssuanceService} and {@link RevocationService} use it within their changes.
 */
@Component
class AuthorityViews {

    private final AuthorityRepository authorities;
    private final CertificateStore certificates;
    private final CrlStore crls;
    private final Clock clock;

    AuthorityViews(AuthorityRepository authorities, CertificateStore certificates, CrlStore crls, Clock clock) {
        this.authorities = authorities;
        this.certificates = certificates;
        this.crls = crls;
        this.clock = clock;
    }

    /** CA {@code id}; {@link NotFoundException} when there is none. */
    CertificateAuthority require(long id) {
        return authorities.findById(id).orElseThrow(() -> NotFoundException.of("Certificate authority", id));
    }

    AuthorityView view(CertificateAuthority ca) {
        StoredCertificate certificate = certificates.require(ca.getCertificateId());
        String parent = ca.getParentId() == null ? null : authorities.findById(ca.getParentId()).map(CertificateAuthority::getName).orElse(null);
        CrlSummary lastCrl = crls.latestOfAuthority(ca.getId())
                .map(crl -> new CrlSummary(crl.getId(), crl.getCrlNumber(), crl.getThisUpdate(), crl.getNextUpdate(),
                        crl.staleAt(clock.instant()), crl.getEntryCount()))
                .orElse(null);
        return new AuthorityView(ca.getId(), ca.getName(), certificate.getSubject(), ca.getKeyAlgorithm().name(),
                certificate.getNotBefore(), certificate.getNotAfter(), certificate.statusAt(clock.instant()), ca.getParentId(),
                parent, certificate.getId(), certificate.getSha1Thumbprint(), certificate.getSha256Fingerprint(),
                ca.getCrlDistributionUrl(), ca.getCrlValidity().toHours(), ca.getLastCrlNumber(), lastCrl,
                certificates.countIssuedBy(ca.getId()), ca.getCreatedAt(), ca.getVersion());
    }
}
