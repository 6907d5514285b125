package dev.tlsconsole.certificates.x509;

/**
 * Stable codes of chain-validation problems, returned by {@code POST /api/v1/certificates/validate}.
 * The first group matches the findings catalogue (DESIGN.md §4); the others refine "the path is
 * invalid" with the reasons the JDK's PKIX validator reports.
 */
public enum ProblemCode {
    /** No path from the leaf to any trusted root. */
    UNTRUSTED_ISSUER,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    /** Neither a SAN nor (without SANs) the CN matches the expected host name (RFC 6125). */
    HOST_NAME_MISMATCH,
    /** A supplied CRL lists a certificate of the path. */
    CERT_REVOKED,
    /** A supplied CRL is past its nextUpdate: OpenSSL-based hosts refuse the connection. */
    CRL_STALE,
    /** A supplied CRL does not verify with the certificate of the CA it names as issuer. */
    CRL_INVALID,
    /** CRLs were supplied but none is a current CRL of the leaf's issuer (OpenSSL: "unable to get certificate CRL"). */
    REVOCATION_UNKNOWN,
    /** A certificate's signature does not verify with its issuer's key. */
    SIGNATURE_INVALID,
    /** A signature or key algorithm the JDK's security policy forbids (MD5, SHA-1 in chains, small keys, weak curves). */
    WEAK_ALGORITHM,
    /** An issuer in the path is not a CA (BasicConstraints). */
    NOT_A_CA,
    /** The path is longer than a CA's path length constraint or the requested maximum. */
    PATH_TOO_LONG,
    /** A key usage forbids what the certificate is used for (signing certificates, TLS). */
    KEY_USAGE_INVALID,
    /** The leaf's extended key usage does not allow the TLS role (serverAuth / clientAuth). */
    WRONG_EXTENDED_KEY_USAGE,
    /** A key type TLS clients no longer accept (DSA). */
    UNSUPPORTED_KEY_TYPE,
    /** An extension that does not decode or violates RFC 5280 (empty SAN, name constraints in a leaf, …). */
    INVALID_EXTENSION,
    /** The server certificate is a CA certificate. */
    LEAF_IS_CA,
    /** A name in the path is outside a CA's name constraints. */
    NAME_CONSTRAINTS_VIOLATED,
    /** A critical extension the validator does not understand. */
    UNKNOWN_CRITICAL_EXTENSION,
    /** Certificate policy processing failed. */
    POLICY_INVALID,
    /** Any other reason the path is invalid. */
    PATH_INVALID,
    /** An RSA key shorter than 2048 bits (or an EC key under 256 bits) in the path: breakable, refused by current clients. */
    WEAK_KEY,
    /** The chain needs more work than one validation may do (too many name-constraint comparisons or candidate paths). */
    VALIDATION_LIMIT
}
