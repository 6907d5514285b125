package dev.tlsconsole.certificates.x509;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks on the validated path that the JDK's PKIX leaves to the application but TLS peers (OpenSSL in
 * particular, which Genesys' UNIX Security Pack uses) perform: the trusted root itself is examined,
 * intermediates must not exclude the TLS role by EKU, key types must be usable in TLS, and supplied
 * CRLs must be current and genuine.
 */
final class PathChecks {

    /** Key algorithms TLS 1.2/1.3 peers accept in certificates; DSA is gone from TLS 1.3 and browsers. */
    static final Set<String> TLS_KEY_ALGORITHMS = Set.of("RSA", "RSASSA-PSS", "EC", "EdDSA", "Ed25519", "Ed448");

    /** Critical extensions a path validator understands (RFC 5280 §4.2); anything else critical is refused. */
    static final Set<String> UNDERSTOOD_EXTENSIONS = Set.of("2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19",
            "2.5.29.30", "2.5.29.32", "2.5.29.33", "2.5.29.35", "2.5.29.36", "2.5.29.37", "2.5.29.54");

    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;
    private static final String CRL_NUMBER = "2.5.29.20";

    private PathChecks() {
    }

    /**
     * The JDK treats a trust anchor as a bare name and key; a client that trusts a certificate still
     * requires it to be a CA that may sign certificates and has no critical extension it cannot process.
     * Version 1 roots (no extensions at all) are accepted, as OpenSSL does.
     */
    static List<ValidationProblem> trustAnchor(X509Certificate anchor) {
        List<ValidationProblem> problems = new ArrayList<>();
        String name = "the trusted root " + Problems.name(anchor);
        if (anchor.getVersion() >= 3 && anchor.getBasicConstraints() < 0) {
            problems.add(Problems.of(ProblemCode.NOT_A_CA, name + " is not a CA certificate (BasicConstraints cA is not set)"));
        }
        boolean[] keyUsage = anchor.getKeyUsage();
        if (keyUsage != null && !keyUsage[KEY_CERT_SIGN]) {
            problems.add(Problems.of(ProblemCode.KEY_USAGE_INVALID, "the key usage of " + name
                    + " does not allow signing certificates (keyCertSign)"));
        }
        Set<String> critical = anchor.getCriticalExtensionOIDs();
        if (critical != null && critical.stream().anyMatch(oid -> !UNDERSTOOD_EXTENSIONS.contains(oid))) {
            problems.add(Problems.of(ProblemCode.UNKNOWN_CRITICAL_EXTENSION, name
                    + " has a critical extension the validator does not understand"));
        }
        return problems;
    }

    /** OpenSSL's rule: an intermediate that carries an EKU must allow the usage the leaf is checked for. */
    static List<ValidationProblem> intermediates(List<X509Certificate> path, List<String> requiredOids) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (X509Certificate ca : path.subList(Math.min(1, path.size()), path.size())) {
            requiredOids.stream().filter(oid -> !LeafChecks.allowsPurpose(ca, oid)).findFirst()
                    .ifPresent(oid -> problems.add(Problems.of(ProblemCode.WRONG_EXTENDED_KEY_USAGE, "the intermediate CA "
                            + Problems.name(ca) + " restricts its extended key usage to purposes that exclude "
                            + KeyUsages.extendedName(oid))));
        }
        return problems;
    }

    /**
     * RSA keys under 2048 bits (NIST SP 800-131A, CA/Browser Forum) and EC keys under 256 bits anywhere in the path,
     * the trusted root included: the JDK only refuses RSA under 1024 bits, so an RSA-1024 root passed silently.
     */
    static List<ValidationProblem> weakKeys(List<X509Certificate> certificates) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            java.security.PublicKey key = certificate.getPublicKey();
            int bits = key instanceof java.security.interfaces.RSAKey rsa ? rsa.getModulus().bitLength()
                    : key instanceof java.security.interfaces.ECKey ec ? ec.getParams().getOrder().bitLength() : Integer.MAX_VALUE;
            int minimum = key instanceof java.security.interfaces.RSAKey ? MIN_RSA_BITS : MIN_EC_BITS;
            if (bits < minimum) {
                problems.add(Problems.of(ProblemCode.WEAK_KEY, "the certificate " + Problems.name(certificate) + " has a "
                        + bits + "-bit " + key.getAlgorithm() + " key, below the " + minimum
                        + " bits TLS clients require: re-issue it with a stronger key"));
            }
        }
        return problems;
    }

    static List<ValidationProblem> keyTypes(List<X509Certificate> certificates) {
        return certificates.stream().filter(c -> !TLS_KEY_ALGORITHMS.contains(c.getPublicKey().getAlgorithm()))
                .map(c -> Problems.of(ProblemCode.UNSUPPORTED_KEY_TYPE, "the certificate " + Problems.name(c) + " has a "
                        + c.getPublicKey().getAlgorithm() + " key, which TLS clients no longer accept; use RSA or EC"))
                .toList();
    }

    static List<ValidationProblem> crls(List<X509CRL> crls, List<X509Certificate> known, Instant at) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (X509CRL crl : crls) {
            String issuer = crl.getIssuerX500Principal().getName();
            if (crl.getNextUpdate() != null && at.isAfter(crl.getNextUpdate().toInstant())) {
                problems.add(Problems.of(ProblemCode.CRL_STALE, "the CRL of '" + issuer + "' expired on "
                        + crl.getNextUpdate().toInstant() + " (nextUpdate): publish a new one"));
            }
            List<X509Certificate> issuers = known.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(crl.getIssuerX500Principal())).toList();
            List<X509Certificate> signers = issuers.stream().filter(ca -> verifies(crl, ca)).toList();
            if (!issuers.isEmpty() && signers.isEmpty()) {
                problems.add(Problems.of(ProblemCode.CRL_INVALID, "the CRL of '" + issuer
                        + "' is not signed by that CA's key, so it was ignored"));
            }
            if (!signers.isEmpty() && signers.stream().noneMatch(PathChecks::maySignCrls)) {
                problems.add(Problems.of(ProblemCode.CRL_INVALID, "the CRL of '" + issuer + "' is signed by a CA whose key"
                        + " usage does not allow signing CRLs (cRLSign), so clients ignore it"));
            }
            if (crl.getExtensionValue(CRL_NUMBER) == null) {
                problems.add(Problems.of(ProblemCode.CRL_INVALID, "the CRL of '" + issuer + "' has no CRL number, which"
                        + " RFC 5280 §5.2.3 requires: publish it with a CRL number"));
            }
        }
        return problems;
    }

    /** No key usage extension means any usage (RFC 5280 §4.2.1.3). */
    private static boolean maySignCrls(X509Certificate ca) {
        boolean[] keyUsage = ca.getKeyUsage();
        return keyUsage == null || keyUsage.length > CRL_SIGN && keyUsage[CRL_SIGN];
    }

    private static boolean verifies(X509CRL crl, X509Certificate ca) {
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
