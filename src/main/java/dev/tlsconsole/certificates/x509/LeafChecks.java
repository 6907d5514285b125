package dev.tlsconsole.certificates.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

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
    static List<ValidationProblem> check(X509Certificate leaf, String hostname, ValidationRequest.Purpose purpose,
                                         boolean pinnedSelfSigned) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (hostname != null) {
            HostnameMatcher.mismatch(hostname, leaf)
                    .ifPresent(message -> problems.add(Problems.of(ProblemCode.HOST_NAME_MISMATCH, message)));
        }
        boolean server = purpose == ValidationRequest.Purpose.SERVER;
        if (server && leaf.getBasicConstraints() >= 0 && !pinnedSelfSigned) {
            problems.add(Problems.of(ProblemCode.LEAF_IS_CA, "the server certificate " + Problems.name(leaf)
                    + " is a CA certificate (BasicConstraints cA=true); issue a separate end-entity certificate"));
        }
        String requiredEku = server ? SERVER_AUTH : CLIENT_AUTH;
        if (!allowsPurpose(leaf, requiredEku)) {
            problems.add(Problems.of(ProblemCode.WRONG_EXTENDED_KEY_USAGE, "the extended key usage of the certificate "
                    + Problems.name(leaf) + " does not include " + (server ? "serverAuth" : "clientAuth")
                    + ", so TLS " + (server ? "clients" : "servers") + " refuse it"));
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null) {
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
