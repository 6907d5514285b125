package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Writes certificates and keys as the PEM files UNIX Genesys hosts read ({@code certificate},
 * {@code certificate-key}, {@code trusted-ca} options): certificates leaf first, keys as PKCS#8.
 */
public final class PemExporter {

    private PemExporter() {
    }

    /** Certificates as concatenated PEM blocks, in the order given (leaf first for a chain). */
    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append(pem("CERTIFICATE", CertificateIds.der(certificate)));
        }
        return pem.toString();
    }

    /** An unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}), for a file deployed with 0600 permissions. */
    public static String privateKey(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * An encrypted PKCS#8 key ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}): PBES2 with PBKDF2-HMAC-SHA256
     * and AES-256-CBC, the default of OpenSSL 3, readable by {@code openssl pkey} and by this console's import.
     */
    public static String encryptedPrivateKey(PrivateKey key, char[] password) {
        ExportPasswords.require(password, "the encrypted key");
        try {
            OutputEncryptor encryptor = ExportPasswords.aes256(password);
            byte[] der = new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(key.getEncoded()))
                    .build(encryptor).getEncoded();
            return pem("ENCRYPTED PRIVATE KEY", der);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("encrypting the private key failed", e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return out.toString();
    }
}
