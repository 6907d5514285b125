package dev.tlsconsole.policy;

import java.util.Optional;

/** {@link CertificateFacts#none()}: knows nothing, so content findings give way to {@code CERT_CONTENT_UNCHECKED}. */
enum NoCertificateFacts implements CertificateFacts {
    INSTANCE;

    @Override
    public Optional<KnownCertificate> certificate(String certificateValue) {
        return Optional.empty();
    }

    @Override
    public Trust trust(String trustedCaValue, KnownCertificate certificate) {
        return Trust.UNKNOWN;
    }

    @Override
    public NameMatch matchesName(KnownCertificate certificate, String expectedName) {
        return NameMatch.UNVERIFIED;
    }

    @Override
    public Revocation revocation(KnownCertificate certificate, Optional<String> crlValue) {
        return Revocation.UNKNOWN;
    }
}
