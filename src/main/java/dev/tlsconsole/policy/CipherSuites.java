package dev.tlsconsole.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The cipher-suite table of {@code policy/cipher-suites.csv}: each suite's names on OpenSSL and JSSE and
 * whether it is weak, with how sure that is. Data, not code (issue 12 item 6).
 */
final class CipherSuites {

    /** One row of the table. */
    record Suite(String iana, String openssl, String jsse, String weakness, boolean confirmed, String source) {

        boolean weak() {
            return !weakness.isEmpty();
        }

        /** The name the stack reads; SChannel reads no cipher-list, so the IANA name stands for it. */
        String nameOn(TlsStack stack) {
            return switch (stack) {
                case OPENSSL -> openssl;
                case JSSE -> jsse;
                case SCHANNEL -> iana;
            };
        }
    }

    /** What one name in a cipher-list means. */
    record Match(Suite suite, boolean nativeName) {
    }

    private static final Map<String, Suite> BY_OPENSSL = new HashMap<>();
    private static final Map<String, Suite> BY_JAVA = new HashMap<>();

    static {
        try (InputStream in = Objects.requireNonNull(CipherSuites.class.getResourceAsStream("/policy/cipher-suites.csv"),
                "policy/cipher-suites.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get();
            for (CSVRecord row : format.parse(reader)) {
                String iana = row.get("iana");
                String jsse = row.get("jsse").isEmpty() ? iana : row.get("jsse");
                Suite suite = new Suite(iana, row.get("openssl"), jsse, row.get("weakness"),
                        "CONFIRMED".equals(row.get("sure")), row.get("source"));
                BY_OPENSSL.put(suite.openssl(), suite);
                BY_JAVA.put(iana, suite);
                BY_JAVA.put(jsse, suite);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("policy/cipher-suites.csv cannot be read", e);
        }
    }

    private CipherSuites() {
    }

    /** The suite a name stands for on {@code stack}, and whether the name is that stack's own spelling. */
    static Optional<Match> lookup(String name, TlsStack stack) {
        Suite openssl = BY_OPENSSL.get(name);
        Suite java = BY_JAVA.get(name);
        if (openssl == null && java == null) {
            return Optional.empty();
        }
        boolean nativeName = stack == TlsStack.OPENSSL ? openssl != null : java != null;
        return Optional.of(new Match(openssl != null ? openssl : java, nativeName));
    }

    /**
     * The names of a cipher-list value: OpenSSL separates them with {@code :} (also accepting {@code ,} and
     * spaces), Java lists with {@code ,}; both are split here.
     */
    static List<String> names(String cipherList) {
        return List.of(cipherList.strip().split("[:,\\s]+")).stream().filter(name -> !name.isEmpty()).toList();
    }
}
