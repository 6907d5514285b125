package dev.tlsconsole.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine may ask about certificate content, so that it can report trust, host-name,
 * validity, revocation and key-strength problems without parsing X.509 itself. The certificates
 * feature implements it over its inventory (and a well-kept library for host-name matching); the
 * engine only asks. Implementations must be thread-safe and fast: they are called during bulk
 * resolution, at most once per distinct certificate value per side and once per connection for the
 * cross checks.
 */
public interface CertificateFacts {

    /**
     * Finds the certificate an option value designates: a Windows SHA-1 thumbprint, or a UNIX PEM path
     * or comma-separated chain (leaf first), exactly as written in {@code certificate}. Empty when the
     * console does not know it.
     */
    Optional<KnownCertificate> certificate(String certificateValue);

    /**
     * Would a peer whose {@code trusted-ca} option is {@code trustedCaValue} accept this certificate,
     * i.e. does its chain end at a CA that value designates?
     */
    Trust trust(String trustedCaValue, KnownCertificate certificate);

    /** Does the certificate's CN or a SAN match {@code expectedName} (a host name or {@code tls-target-name})? */
    NameMatch matchesName(KnownCertificate certificate, String expectedName);

    /**
     * Revocation status of the certificate in the CRL named by a {@code tls-crl} value, or, when
     * {@code crlValue} is empty, in the issuing CA's latest CRL known to the console.
     */
    Revocation revocation(KnownCertificate certificate, Optional<String> crlValue);

    /** Knows no certificate: every certificate is reported as not checked. */
    static CertificateFacts none() {
        return NoCertificateFacts.INSTANCE;
    }

    /**
     * The content the engine judges.
     *
     * @param reference          the implementation's own key, handed back in the other calls
     * @param subject            for messages, e.g. {@code CN=cfg-host-1}
     * @param keyAlgorithm       {@code RSA}, {@code EC}, …
     * @param keySize            bits
     * @param signatureAlgorithm e.g. {@code SHA256withRSA}, {@code SHA1withRSA}
     */
    record KnownCertificate(String reference, String subject, Instant notBefore, Instant notAfter,
                            String keyAlgorithm, int keySize, String signatureAlgorithm) {
        public KnownCertificate {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
            Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        }
    }

    /** {@code UNKNOWN} when the CA value is not known to the console: nothing is reported then. */
    enum Trust {
        TRUSTED, UNTRUSTED, UNKNOWN
    }

    /** {@code UNVERIFIED} when the match cannot be decided (e.g. a wildcard): nothing is reported then. */
    enum NameMatch {
        MATCH, MISMATCH, UNVERIFIED
    }

    /** {@code UNKNOWN} when no usable CRL is known. */
    enum RevocationState {
        NOT_REVOKED, REVOKED, UNKNOWN
    }

    /**
     * @param crlNextUpdate the CRL's nextUpdate, when a CRL was consulted
     * @param crlName       the CRL for messages (file path or issuer), empty when none was consulted
     */
    record Revocation(RevocationState state, Optional<Instant> crlNextUpdate, String crlName) {
        public static final Revocation UNKNOWN = new Revocation(RevocationState.UNKNOWN, Optional.empty(), "");

        public Revocation {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(crlNextUpdate, "crlNextUpdate");
            Objects.requireNonNull(crlName, "crlName");
        }
    }
}
