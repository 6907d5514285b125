package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the openssl-made files under src/test/resources/certificates (see make-fixtures.sh there). */
final class Fixtures {

    /** Password of every encrypted key and PKCS#12 fixture. */
    static final String PASSWORD = "fixture-pass";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/certificates/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + "; run make-fixtures.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static char[] password() {
        return PASSWORD.toCharArray();
    }
}
