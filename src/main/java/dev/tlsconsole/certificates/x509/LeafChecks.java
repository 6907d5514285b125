package dev.tlsconsole.certificates.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS peer checks on the leaf beyond RFC 5280 path validation (which the JDK's PKIX does not):
 * the host name, the extended key usage for the TLS role, a key usage compatible with TLS, and for a
 * server that the certificate is not a CA certificate. The EKU rule follows OpenSSL, which Genesys'
 * UNIX Security Pack uses: when an EKU is present it must name the role; anyExtendedKeyUsage alone is
 * not enough.
 */
final class LeafChecks {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int RFC822_NAME = 1;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;

    private LeafChecks() {
    }

    /**
     * @param pinnedSelfSigned the leaf is a self-signed certificate that is itself trusted (a pinned server
     *                         certificate, which {@code openssl req -x509} marks cA=true by default and OpenSSL
     *                         and JSSE accept); then it is not refused as a CA certificate
     */
    static List<ValidationProblem> check(X509Certificate leaf, ValidationRequest request, boolean pinnedSelfSigned) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (PeerName name : request.allPeerNames()) {
            Optional<String> mismatch = name.type() == PeerName.Type.EMAIL ? mailboxMismatch(name.value(), leaf)
                    : HostnameMatcher.mismatch(name.value(), leaf);
            mismatch.ifPresent(message -> problems.add(Problems.of(ProblemCode.HOST_NAME_MISMATCH, message)));
        }
        boolean server = request.purpose() == ValidationRequest.Purpose.SERVER;
        if (server && leaf.getBasicConstraints() >= 0 && !pinnedSelfSigned) {
            problems.add(Problems.of(ProblemCode.LEAF_IS_CA, "the server certificate " + Problems.name(leaf)
                    + " is a CA certificate (BasicConstraints cA=true); issue a separate end-entity certificate"));
        }
        for (String requiredEku : request.requiredExtendedKeyUsageOids()) {
            if (!allowsPurpose(leaf, requiredEku)) {
                problems.add(Problems.of(ProblemCode.WRONG_EXTENDED_KEY_USAGE, "the extended key usage of the certificate "
                        + Problems.name(leaf) + " does not include " + KeyUsages.extendedName(requiredEku)
                        + ", so " + (request.extendedKeyUsage().isEmpty() ? "TLS " + (server ? "clients" : "servers")
                        : "the peer") + " refuse" + (request.extendedKeyUsage().isEmpty() ? "" : "s") + " it"));
            }
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null) {
            for (String required : request.keyUsage()) {
                int bit = KeyUsages.KEY_USAGE_BITS.get(required);
                if (keyUsage.length <= bit || !keyUsage[bit]) {
                    problems.add(Problems.of(ProblemCode.KEY_USAGE_INVALID, "the key usage of the certificate "
                            + Problems.name(leaf) + " does not allow " + required));
                }
            }
            if (keyUsage[KEY_CERT_SIGN] && leaf.getBasicConstraints() < 0) {
                problems.add(Problems.of(ProblemCode.KEY_USAGE_INVALID, "the certificate " + Problems.name(leaf)
                        + " has key usage keyCertSign but is not a CA (RFC 5280 §4.2.1.3)"));
            } else if (!keyUsage[DIGITAL_SIGNATURE] && !keyUsage[KEY_ENCIPHERMENT] && !keyUsage[KEY_AGREEMENT]) {
                problems.add(Problems.of(ProblemCode.KEY_USAGE_INVALID, "the key usage of the certificate " + Problems.name(leaf)
                        + " allows neither digitalSignature, keyEncipherment nor keyAgreement, which TLS needs"));
            }
        }
        return problems;
    }

    /** An EMAIL peer name must equal an rfc822Name SAN (local part exact, domain case-insensitive). */
    private static Optional<String> mailboxMismatch(String mailbox, X509Certificate leaf) {
        int at = mailbox.lastIndexOf('@');
        String wanted = mailbox.substring(0, at) + "@" + mailbox.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        try {
            var names = leaf.getSubjectAlternativeNames();
            boolean found = names != null && names.stream()
                    .filter(entry -> Integer.valueOf(RFC822_NAME).equals(entry.get(0)) && entry.get(1) instanceof String)
                    .map(entry -> (String) entry.get(1))
                    .filter(value -> value.lastIndexOf('@') > 0)
                    .anyMatch(value -> (value.substring(0, value.lastIndexOf('@')) + "@"
                            + value.substring(value.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT)).equals(wanted));
            return found ? Optional.empty()
                    : Optional.of("the certificate " + Problems.name(leaf) + " has no e-mail name '" + mailbox + "'");
        } catch (CertificateParsingException e) {
            return Optional.of("the subject alternative names of the certificate " + Problems.name(leaf) + " do not decode");
        }
    }

    /** No EKU means any purpose (RFC 5280 §4.2.1.12); otherwise the role must be listed. */
    static boolean allowsPurpose(X509Certificate certificate, String purposeOid) {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku == null || eku.contains(purposeOid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
