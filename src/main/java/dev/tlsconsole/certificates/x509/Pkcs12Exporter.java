package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;

/**
 * Writes a PKCS#12 (.p12/.pfx) bundle of a private key and its chain, protected by a password the user
 * chooses, for Windows hosts (certificate store import) and Java components.
 */
public final class Pkcs12Exporter {

    /** How the bundle is protected. */
    public enum Protection {
        /** PBES2 AES-256-CBC with PBKDF2-HMAC-SHA256 and a SHA-256 MAC: OpenSSL 3, Java, Windows 10 1709 / Server 2019 and later. */
        AES_256,
        /** pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC: for Windows Server 2016 and older, which cannot read AES bundles. */
        LEGACY_3DES
    }

    private Pkcs12Exporter() {
    }

    /** As {@link #export(PrivateKey, List, char[], String, Protection)} with {@link Protection#AES_256}. */
    public static byte[] export(PrivateKey key, List<X509Certificate> chain, char[] password, String alias) {
        return export(key, chain, password, alias, Protection.AES_256);
    }

    /**
     * @param chain leaf first; the key must belong to the leaf
     * @param alias the friendly name shown by Windows and {@code keytool}
     */
    public static byte[] export(PrivateKey key, List<X509Certificate> chain, char[] password, String alias, Protection protection) {
        ExportPasswords.require(password, "a PKCS#12 export");
        if (chain.isEmpty()) {
            throw new PkiInputException("a PKCS#12 export needs the certificate");
        }
        CertificateChains.requireLeafFirst(chain);
        PrivateKeys.requireMatch(key, chain.get(0));
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            var localKeyId = utils.createSubjectKeyIdentifier(chain.get(0).getPublicKey());
            DERBMPString friendlyName = new DERBMPString(alias == null || alias.isBlank() ? "certificate" : alias);

            PKCS12SafeBag[] certificateBags = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certificateBags[i] = bag.build();
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor(protection, password));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(protection, password), certificateBags);
            pfx.addData(keyBag.build());
            JcePKCS12MacCalculatorBuilder mac = protection == Protection.AES_256
                    ? new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    : new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1);
            mac.setIterationCount(protection == Protection.AES_256 ? ExportPasswords.PBKDF2_ITERATIONS : 2048);
            return pfx.build(mac.setProvider(BouncyCastle.PROVIDER), password).getEncoded(ASN1Encoding.DER);
        } catch (NoSuchAlgorithmException | OperatorCreationException | PKCSException | IOException e) {
            throw new IllegalStateException("writing the PKCS#12 bundle failed", e);
        }
    }

    private static OutputEncryptor encryptor(Protection protection, char[] password) throws OperatorCreationException {
        return protection == Protection.AES_256 ? ExportPasswords.aes256(password) : ExportPasswords.tripleDes(password);
    }
}
