package dev.tlsconsole.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The openssl-made files under src/test/resources/certificates (see make-fixtures.sh there). */
public final class CertificateFixtures {

    /** Password of every encrypted key and PKCS#12 fixture. */
    public static final String PASSWORD = "fixture-pass";

    private CertificateFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = CertificateFixtures.class.getResourceAsStream("/certificates/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + "; run make-fixtures.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
