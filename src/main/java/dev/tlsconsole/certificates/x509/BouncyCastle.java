package dev.tlsconsole.certificates.x509;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance, passed explicitly where the JDK's providers lack an algorithm
 * (OpenSSL's legacy PEM encryption, PBES2 variants). It is deliberately not registered with
 * {@link java.security.Security}: a global provider would change algorithm choices for the whole
 * application, including the JDK's TLS stack.
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
