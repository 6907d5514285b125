package dev.tlsconsole.certificates.x509;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;

/**
 * Key types the internal CA generates. The names match the API ({@code EC_P256}, {@code RSA_3072}).
 * EC P-256 is the default: small, fast and supported by every current TLS stack; RSA is offered for
 * hosts whose TLS library predates ECDSA (old Genesys Security Packs).
 */
public enum KeyAlgorithm {

    EC_P256("EC", 256),
    RSA_2048("RSA", 2048),
    RSA_3072("RSA", 3072);

    private final String jcaName;
    private final int size;

    KeyAlgorithm(String jcaName, int size) {
        this.jcaName = jcaName;
        this.size = size;
    }

    /** Generates a fresh key pair with {@code random}. */
    public KeyPair generate(SecureRandom random) {
        try {
            // EC through Bouncy Castle: its fixed-base P-256 arithmetic generates a key in about half the
            // time of the JDK 17 provider, which matters when a CA issues hundreds of certificates at once
            KeyPairGenerator generator = "EC".equals(jcaName)
                    ? KeyPairGenerator.getInstance(jcaName, BouncyCastle.PROVIDER)
                    : KeyPairGenerator.getInstance(jcaName);
            if ("EC".equals(jcaName)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                generator.initialize(size, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name() + " key generation is not available in this JDK", e);
        }
    }

    /** Parses an API value such as {@code EC_P256}; unknown values get a message listing the valid ones. */
    public static KeyAlgorithm fromName(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return algorithm;
            }
        }
        throw new PkiInputException("unknown key algorithm '" + name + "': use one of EC_P256, RSA_2048, RSA_3072");
    }

    /**
     * The signature algorithm a CA key signs with: SHA-256 with RSA, and ECDSA with the hash that matches
     * the curve size (RFC 5480 §4), so a P-384 CA imported later signs with SHA-384.
     */
    public static String signatureAlgorithmFor(Key signingKey) {
        if (signingKey instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if ("RSA".equals(signingKey.getAlgorithm())) {
            return "SHA256withRSA";
        }
        throw new PkiInputException("unsupported CA key type " + signingKey.getAlgorithm() + ": the console signs with RSA or EC keys");
    }
}
