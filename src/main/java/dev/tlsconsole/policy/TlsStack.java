package dev.tlsconsole.policy;

import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The TLS implementation one side runs on (GENESYS-TLS-REFERENCE.md §1 "TLS implementation per platform", §8 F1):
 * Java components use JSSE whatever the OS, native components SChannel on Windows and the Security Pack's
 * OpenSSL on UNIX. Which components are Java comes from {@code policy/java-components.txt}.
 */
enum TlsStack {
    OPENSSL, JSSE, SCHANNEL;

    private static final Set<String> JAVA_COMPONENTS = load();

    static TlsStack of(ApplicationSnapshot application, HostInfo host) {
        return java(application) ? JSSE : host.windows() ? SCHANNEL : OPENSSL;
    }

    /** True for a Java (Platform SDK) component. */
    static boolean java(ApplicationSnapshot application) {
        return JAVA_COMPONENTS.contains(application.componentType().strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(TlsStack.class.getResourceAsStream("/policy/java-components.txt"),
                "policy/java-components.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("policy/java-components.txt cannot be read", e);
        }
        return Set.copyOf(names);
    }
}
