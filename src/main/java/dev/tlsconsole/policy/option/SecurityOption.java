package dev.tlsconsole.policy.option;

import static dev.tlsconsole.policy.option.Level.APPLICATION;
import static dev.tlsconsole.policy.option.Level.CONNECTION;
import static dev.tlsconsole.policy.option.Level.HOST;
import static dev.tlsconsole.policy.option.Level.PORT;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Genesys TLS options the console understands, spelt as Genesys stores them. Each knows its valid
 * values, its default, the levels it may be set at and a one-sentence help text for the UI (English
 * here, like every other message of the engine, so that messages and help read the same).
 *
 * <p>Unknown keys are not an error of this vocabulary: they are kept as data and flagged by the
 * policy engine ({@code UNKNOWN_OPTION}).
 */
public enum SecurityOption {

    TLS("tls", ValueRule.ZERO_ONE, "0", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "1 makes a port a secure listener (it must be on the port itself); on a connection or client application it asks for TLS."),
    TLS_MUTUAL("tls-mutual", ValueRule.ZERO_ONE, "0", EnumSet.of(PORT, APPLICATION, HOST),
            "1 makes the server require a client certificate (mutual TLS); 0 is simple TLS."),
    CLIENT_AUTH("client-auth", ValueRule.ZERO_ONE, "1", EnumSet.of(CONNECTION, APPLICATION, HOST),
            "0 stops the client from authenticating the server certificate (encryption only, the pre-8.1.3 behaviour)."),
    SEC_PROTOCOL("sec-protocol", ValueRule.PROTOCOL, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Protocol to use: SSLv23 or empty negotiate the highest both sides support, SSLv3/TLSv1/TLSv11/TLSv12/TLSv13 force that version; set it at the same level as the certificate."),
    CERTIFICATE("certificate", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Identity certificate: the SHA-1 thumbprint on Windows, the absolute path of a PEM file (or a comma-separated chain, leaf first) on UNIX."),
    CERTIFICATE_KEY("certificate-key", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Absolute path of the PEM private key of the certificate (UNIX); set it together with certificate and trusted-ca."),
    TRUSTED_CA("trusted-ca", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "CA used to validate the peer: absolute path of a PEM file on UNIX, a CA thumbprint on Windows."),
    TLS_CRL("tls-crl", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Path of the certificate revocation list used to reject revoked peer certificates; empty means no revocation check."),
    TLS_TARGET_NAME_CHECK("tls-target-name-check", ValueRule.NAME_CHECK, "no", EnumSet.of(CONNECTION, APPLICATION, HOST),
            "host makes the client check that the server certificate's CN or SAN matches the server host name (or tls-target-name)."),
    TLS_TARGET_NAME("tls-target-name", ValueRule.HOST_NAME, "", EnumSet.of(CONNECTION, APPLICATION, HOST),
            "Name the client sends as SNI and, with tls-target-name-check=host, expects in the server certificate."),
    CIPHER_LIST("cipher-list", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Restricts the cipher suites offered; empty leaves the TLS implementation's default list."),
    // Java components (Platform SDK) also read these (GENESYS-TLS-REFERENCE.md §8 A3, source PSDKC); their value
    // formats are not re-read from the PSDK documentation yet, so they are kept as free text.
    PROVIDER("provider", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Java components (Platform SDK) only: the security provider, e.g. PEM, MSCAPI or PKCS11; read together with the certificate."),
    FIPS140_ENABLED("fips140-enabled", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Java components (Platform SDK) only: true makes the component use FIPS 140 certified cryptography; read together with the certificate."),
    TLS_VERSION("tls-version", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Java components (Platform SDK) only: the TLS protocol version the JSSE side uses."),
    PROTOCOL_LIST("protocol-list", ValueRule.TEXT, "", EnumSet.of(PORT, CONNECTION, APPLICATION, HOST),
            "Java components (Platform SDK) only: the list of TLS protocol versions the JSSE side may use.");

    private static final Map<String, SecurityOption> BY_KEY = new HashMap<>();

    static {
        for (SecurityOption option : values()) {
            BY_KEY.put(option.key, option);
        }
    }

    private final String key;
    private final ValueRule rule;
    private final String defaultValue;
    private final Set<Level> levels;
    private final String help;

    SecurityOption(String key, ValueRule rule, String defaultValue, EnumSet<Level> levels, String help) {
        this.key = key;
        this.rule = rule;
        this.defaultValue = defaultValue;
        EnumSet<Level> read = EnumSet.copyOf(levels);
        if (read.contains(APPLICATION)) {
            // the application annex [security] is read for whatever the options [security] is (reference §8 A1)
            read.add(Level.APPLICATION_ANNEX);
        }
        // every option may be read from the host annex (reference §8 A2, PSDK GConfigTlsPropertyReader step 4)
        read.add(HOST);
        this.levels = Collections.unmodifiableSet(read);
        this.help = help;
    }

    /** The option spelt as Genesys stores it, for example {@code tls-mutual}. */
    public String key() {
        return key;
    }

    /** The value Genesys assumes when no level sets the option ({@code ""} = none). */
    public String defaultValue() {
        return defaultValue;
    }

    /** The levels this option may be set at; values set elsewhere are ignored by Genesys. */
    public Set<Level> levels() {
        return levels;
    }

    public boolean settableAt(Level level) {
        return levels.contains(level);
    }

    /** One sentence the UI shows next to the field. */
    public String help() {
        return help;
    }

    /** The closed set of valid values, or an empty list when the value is free text. */
    public List<String> validValues() {
        return rule.choices();
    }

    /**
     * True for {@code certificate}, {@code certificate-key} and {@code trusted-ca}, which are taken
     * together from one level and never mixed with a lower one.
     */
    public boolean inCertificateBlock() {
        return this == CERTIFICATE || this == CERTIFICATE_KEY || this == TRUSTED_CA;
    }

    /** The option with this exact Genesys key; keys are case-sensitive, as in Genesys. */
    public static Optional<SecurityOption> fromKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * Checks a value of this option; the message names the option, the valid values and the
     * offending value, ready to show to a user.
     */
    public Optional<String> check(String value) {
        return rule.check(key, value);
    }

    /**
     * Checks a {@code key=value} pair as entered by a user. Unknown keys are accepted (they are kept
     * as data and flagged later), so the answer is empty for them.
     */
    public static Optional<String> validate(String key, String value) {
        return fromKey(key).flatMap(option -> option.check(value));
    }

    /**
     * Like {@link #validate(String, String)}, and also refuses a known option at a level where
     * Genesys does not read it (for example {@code client-auth} on a server port).
     */
    public static Optional<String> validate(Level level, String key, String value) {
        Optional<SecurityOption> option = fromKey(key);
        if (option.isPresent() && !option.get().settableAt(level)) {
            return Optional.of(option.get().levelProblem(level));
        }
        return validate(key, value);
    }

    /** The user-facing sentence saying that this option has no effect at {@code level}. */
    public String levelProblem(Level level) {
        return key + " cannot be set " + Levels.at(level) + ": it is read only " + Levels.list(levels);
    }
}
