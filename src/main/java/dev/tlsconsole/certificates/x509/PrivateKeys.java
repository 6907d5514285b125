package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Private-key rules shared by import and issuance: which key types the console accepts, and whether a
 * key belongs to a certificate.
 */
public final class PrivateKeys {

    /**
     * RSA and EC are what every Genesys TLS stack (Windows SChannel, the OpenSSL Security Pack, Java)
     * can use; Ed25519/DSA keys would import fine but not work on the hosts.
     */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RSA", "EC");

    private static final byte[] PROBE = "tls-console key match probe".getBytes(StandardCharsets.US_ASCII);

    private PrivateKeys() {
    }

    /**
     * Rebuilds a key from its PKCS#8 encoding ({@code PrivateKey.getEncoded()}), e.g. after
     * {@code PrivateKeyCipher.decrypt}; the algorithm is read from the encoding.
     */
    public static PrivateKey fromPkcs8(byte[] pkcs8) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(PrivateKeyInfo.getInstance(pkcs8));
        } catch (IOException | RuntimeException e) {
            throw new PkiInputException("the stored private key is not a valid PKCS#8 key");
        }
    }

    /** Throws {@link PkiInputException} for a key type the console does not support. */
    public static void requireSupported(PrivateKey key) {
        if (!SUPPORTED_ALGORITHMS.contains(key.getAlgorithm())) {
            throw new PkiInputException("unsupported key type " + key.getAlgorithm() + ": the console supports RSA and EC keys");
        }
    }

    /** True when {@code key} is the private half of {@code publicKey}: a probe signed by one verifies with the other. */
    public static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Throws {@link PkiInputException} unless {@code key} is supported and belongs to {@code certificate}. */
    public static void requireMatch(PrivateKey key, X509Certificate certificate) {
        requireSupported(key);
        if (!matches(key, certificate.getPublicKey())) {
            throw new PkiInputException("the private key does not belong to the certificate "
                    + CertificateChains.subject(certificate) + " (its public key is different)");
        }
    }
}
