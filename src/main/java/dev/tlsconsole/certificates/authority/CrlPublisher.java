package dev.tlsconsole.certificates.authority;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.crl.CrlStore;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.x509.CertificateIds;
import dev.tlsconsole.certificates.x509.CrlOperations;
import dev.tlsconsole.certificates.x509.CrlSpec;
import dev.tlsconsole.certificates.x509.RevokedCertificate;

/**
 * Signs and stores a full CRL for a console CA: the next CRL number, thisUpdate = now, nextUpdate =
 * now + the CA's CRL validity, one entry per certificate the CA revoked. The PKI core checks the
 * result (cRLSign, update order, signature) before it is stored.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CrlPublisher {

    private final CrlOperations operations;
    private final CrlStore crls;
    private final CertificateStore certificates;
    private final AuthorityKeys keys;
    private final Clock clock;

    CrlPublisher(CrlOperations operations, CrlStore crls, CertificateStore certificates, AuthorityKeys keys, Clock clock) {
        this.operations = operations;
        this.crls = crls;
        this.certificates = certificates;
        this.keys = keys;
        this.clock = clock;
    }

    Crl publish(CertificateAuthority ca) {
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<RevokedCertificate> revoked = certificates.revokedBy(ca.getId()).stream()
                .map(c -> new RevokedCertificate(CertificateIds.parseSerialHex(c.getSerialNumber()),
                        // a revocation is never dated after the CRL that lists it
                        earliest(c.getRevokedAt().truncatedTo(ChronoUnit.SECONDS), thisUpdate), c.getRevocationReason()))
                .toList();
        BigInteger number = ca.takeNextCrlNumber();
        var details = operations.generate(new CrlSpec(number, thisUpdate, thisUpdate.plus(ca.getCrlValidity()), revoked),
                keys.issuer(ca));
        return crls.savePublished(ca.getId(), ca.getCertificateId(), details);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
