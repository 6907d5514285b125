package dev.tlsconsole.certificates.x509;

import java.io.IOException;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Parses the distinguished names users type, with the JDK's RFC 2253 parser for strictness. */
final class DistinguishedNames {

    private DistinguishedNames() {
    }

    static X500Name parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PkiInputException("the subject is empty: give a distinguished name such as CN=Console Root CA,O=Example");
        }
        try {
            X500Principal principal = new X500Principal(text.trim());
            if (principal.getEncoded().length <= 2) {
                throw new IllegalArgumentException("empty");
            }
            return X500Name.getInstance(principal.getEncoded());
        } catch (IllegalArgumentException e) {
            throw new PkiInputException("'" + text + "' is not a valid distinguished name: write it like CN=Console Root CA,O=Example");
        }
    }

    /** {@code CN=<value>} with the value escaped, as an RFC 2253 string. */
    static String commonName(String value) {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, value).build();
        try {
            return new X500Principal(name.getEncoded()).getName(X500Principal.RFC2253);
        } catch (IOException e) {
            throw new IllegalStateException("a one-attribute name always encodes", e);
        }
    }
}
