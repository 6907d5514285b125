package dev.tlsconsole.certificates.x509;

import java.security.SecureRandom;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/** Rules and ciphers for the passwords that protect exported keys. */
final class ExportPasswords {

    /** PBKDF2 iterations for exported keys: OpenSSL 3's default is 2048; more slows offline guessing. */
    static final int PBKDF2_ITERATIONS = 100_000;
    static final int MAX_LENGTH = 1024;

    private ExportPasswords() {
    }

    static void require(char[] password, String what) {
        if (password == null || password.length == 0) {
            throw new PkiInputException(what + " needs a password");
        }
        if (password.length > MAX_LENGTH) {
            throw new PkiInputException("the password is longer than " + MAX_LENGTH + " characters");
        }
    }

    /** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, OpenSSL 3's default for keys and PKCS#12. */
    static OutputEncryptor aes256(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(PBKDF2_ITERATIONS)
                .setProvider(BouncyCastle.PROVIDER)
                .setRandom(new SecureRandom())
                .build(password);
    }

    /** PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC, for readers that predate PBES2 in PKCS#12. */
    static OutputEncryptor tripleDes(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                .setIterationCount(2048)
                .setProvider(BouncyCastle.PROVIDER)
                .setRandom(new SecureRandom())
                .build(password);
    }
}
