package dev.tlsconsole.certificates.authority;

import java.security.PrivateKey;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.KeySealing;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.IssuingCa;

/**
 * Seals a CA's key ({@code ca:<fingerprint>} as associated data, so it can never be opened as the key
 * of an ordinary certificate row) and opens it for one signing operation.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AuthorityKeys {

    private final KeySealing sealing;
    private final CertificateStore certificates;

    AuthorityKeys(KeySealing sealing, CertificateStore certificates) {
        this.sealing = sealing;
        this.certificates = certificates;
    }

    static String context(String caFingerprint) {
        return "ca:" + caFingerprint;
    }

    String seal(PrivateKey key, String caFingerprint) {
        return sealing.seal(key, context(caFingerprint));
    }

    /** The CA ready to sign: its certificate, its opened key and its CRL distribution point. */
    IssuingCa issuer(CertificateAuthority ca) {
        StoredCertificate certificate = certificates.require(ca.getCertificateId());
        PrivateKey key = sealing.open(ca.privateKeySealed(), context(certificate.getSha256Fingerprint()));
        return new IssuingCa(certificates.x509(certificate), key, ca.getCrlDistributionUrl());
    }
}
