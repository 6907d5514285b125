package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads every block of a PEM text: certificates (plain or OpenSSL "TRUSTED"), private keys as plain or
 * encrypted PKCS#8, PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY} (plain or with the
 * legacy {@code Proc-Type: 4,ENCRYPTED} header). Explanatory text around the blocks, as
 * {@code openssl x509 -text} writes it, is ignored, and so are {@code EC PARAMETERS} blocks.
 */
final class PemReader {

    /** Certificates in the order they appear, and the private keys found. */
    record Contents(List<X509Certificate> certificates, List<PrivateKey> privateKeys) {
        @Override
        public String toString() {
            return "Contents[certificates=" + certificates.size() + ", privateKeys=" + privateKeys.size() + "]";
        }
    }

    private PemReader() {
    }

    static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    static Contents read(String text, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        String withoutByteOrderMark = text.startsWith("\uFEFF") ? text.substring(1) : text; // Windows Notepad writes one
        try (PEMParser parser = new PEMParser(new StringReader(withoutByteOrderMark))) {
            Object object;
            while ((object = readNext(parser)) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(toCertificate(holder, certificates.size() + 1));
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    certificates.add(toCertificate(trusted.getCertificateHolder(), certificates.size() + 1));
                } else if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                    continue; // "EC PARAMETERS" that openssl ecparam writes before the key
                } else {
                    keys.add(toPrivateKey(object, password));
                }
            }
        } catch (IOException e) {
            throw new PkiInputException("the PEM text could not be read: " + e.getMessage(), e);
        }
        return new Contents(certificates, keys);
    }

    private static Object readNext(PEMParser parser) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            // BC reports unknown block types and broken base64 this way; the message names the block type
            throw new PkiInputException("not a valid PEM block: " + e.getMessage(), e);
        }
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder, int position) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new PkiInputException("certificate " + position + " could not be read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey toPrivateKey(Object object, char[] password) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassword(password);
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BouncyCastle.PROVIDER).build(password);
                return converter.getPrivateKey(decryptWithPassword(() -> encrypted.decryptPrivateKeyInfo(decryptor)));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                requirePassword(password);
                PEMKeyPair pair = decryptWithPassword(() -> encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password)));
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (PkiInputException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiInputException("the private key could not be read: " + e.getClass().getSimpleName(), e);
        }
        throw new PkiInputException(unsupportedBlock(object));
    }

    private static String unsupportedBlock(Object object) {
        if (object instanceof ContentInfo) {
            return "PKCS#7 bundles are not supported: convert it with 'openssl pkcs7 -print_certs' and paste the certificates";
        }
        if (object instanceof PKCS10CertificationRequest) {
            return "this is a certificate signing request (CSR), not a certificate: have it signed by a CA first";
        }
        if (object instanceof X509CRLHolder) {
            return "this is a certificate revocation list (CRL), not a certificate: import it as a CRL";
        }
        return "unsupported PEM content (" + object.getClass().getSimpleName() + "): expected certificates and a private key";
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new PkiInputException("the private key is encrypted: supply its password");
        }
    }

    private interface Decryption<T> {
        T run() throws Exception;
    }

    private static <T> T decryptWithPassword(Decryption<T> decryption) {
        try {
            return decryption.run();
        } catch (Exception e) {
            // a wrong password shows up as a padding error or as garbage that does not parse; say what it means
            throw new PkiInputException("wrong password for the encrypted private key");
        }
    }
}
