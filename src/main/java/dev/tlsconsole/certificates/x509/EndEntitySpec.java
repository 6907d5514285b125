package dev.tlsconsole.certificates.x509;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a new end-entity (server or client) certificate should look like.
 *
 * @param subject                 distinguished name, RFC 2253 style
 * @param subjectAlternativeNames {@code DNS:name} and {@code IP:address} entries (also {@code URI:}, {@code email:})
 * @param validityDays            1 … {@link CertificateAuthorityOperations#MAX_END_ENTITY_VALIDITY_DAYS}
 */
public record EndEntitySpec(String subject, List<String> subjectAlternativeNames, CertificateUsage usage,
                            KeyAlgorithm keyAlgorithm, int validityDays) {

    public EndEntitySpec {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    }

    /**
     * The certificate for a Genesys Host: CN = host name, SAN = the host name and its IP address, as
     * {@code tls-target-name-check=host} compares the Host object name with CN or SAN.
     *
     * @param ipAddress literal IPv4/IPv6 address, or null/blank when the host has none recorded
     */
    public static EndEntitySpec forHost(String hostName, String ipAddress, CertificateUsage usage,
                                        KeyAlgorithm keyAlgorithm, int validityDays) {
        if (hostName == null || hostName.isBlank()) {
            throw new PkiInputException("a host certificate needs the host name");
        }
        String host = hostName.trim();
        List<String> sans = new ArrayList<>(List.of("DNS:" + host));
        if (ipAddress != null && !ipAddress.isBlank()) {
            sans.add("IP:" + ipAddress.trim());
        }
        return new EndEntitySpec(DistinguishedNames.commonName(host), sans, usage, keyAlgorithm, validityDays);
    }
}
