package dev.tlsconsole.certificates.x509;

import java.util.Objects;

/**
 * What a new root or intermediate CA should look like.
 *
 * @param subject      distinguished name, RFC 2253 style: {@code CN=Console Root CA,O=Example}
 * @param validityDays 1 … {@link CertificateAuthorityOperations#MAX_CA_VALIDITY_DAYS}
 */
public record CaSpec(String subject, KeyAlgorithm keyAlgorithm, int validityDays) {

    public CaSpec {
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    }
}
