package dev.tlsconsole.certificates.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Reads a PKCS#12 (.p12/.pfx) file with the JDK key store, which handles both OpenSSL 3's AES/PBKDF2
 * protection and the legacy RC2/3DES one. The structure is first parsed with Bouncy Castle only to tell
 * "this is not PKCS#12 at all" apart from "wrong password".
 */
final class Pkcs12Reader {

    private Pkcs12Reader() {
    }

    static boolean looksLikePkcs12(byte[] der) {
        try {
            new PKCS12PfxPdu(der);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The chain (leaf first as the file links it) and the private key of the file's single key entry. */
    static ParsedCertificates read(byte[] der, char[] password) {
        char[] effectivePassword = password == null ? new char[0] : password;
        KeyStore store = load(der, effectivePassword);
        try {
            List<String> keyAliases = new ArrayList<>();
            List<X509Certificate> looseCertificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                } else if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    looseCertificates.add(certificate);
                }
            }
            if (keyAliases.size() > 1) {
                throw new PkiInputException("the PKCS#12 file holds " + keyAliases.size()
                        + " private keys; import one certificate with its key at a time");
            }
            if (keyAliases.isEmpty()) {
                // the JDK drops certificates that have neither a key nor its own "trusted" attribute, which is
                // how OpenSSL writes a certificates-only bundle; read the certificate bags directly then
                List<X509Certificate> certificates = looseCertificates.isEmpty() ? certificateBags(der, effectivePassword)
                        : looseCertificates;
                if (certificates.isEmpty()) {
                    throw new PkiInputException("the PKCS#12 file holds no certificate");
                }
                return new ParsedCertificates(CertificateChains.orderLeafFirst(certificates), Optional.empty());
            }
            String alias = keyAliases.get(0);
            Key key = store.getKey(alias, effectivePassword);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new PkiInputException("the PKCS#12 file holds a key without its certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new ParsedCertificates(certificates, Optional.of(privateKey));
        } catch (UnrecoverableKeyException e) {
            throw new PkiInputException("the private key in the PKCS#12 file is protected by a different password"
                    + " than the file; re-export it with a single password");
        } catch (GeneralSecurityException e) {
            throw new PkiInputException("the PKCS#12 file could not be read: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificateBags(byte[] der, char[] password) {
        try {
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(password);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> certificates = new ArrayList<>();
            for (ContentInfo info : new PKCS12PfxPdu(der).getContentInfos()) {
                PKCS12SafeBagFactory bags = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor) : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        certificates.add(converter.getCertificate(holder));
                    }
                }
            }
            return certificates;
        } catch (IOException | PKCSException | GeneralSecurityException | RuntimeException e) {
            throw new PkiInputException("the certificates in the PKCS#12 file could not be read: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(byte[] der, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(der), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new PkiInputException(password.length == 0
                        ? "the PKCS#12 file is protected by a password: supply it"
                        : "wrong password for the PKCS#12 file");
            }
            throw new PkiInputException("the PKCS#12 file could not be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiInputException("the PKCS#12 file could not be read: " + e.getMessage(), e);
        }
    }
}
