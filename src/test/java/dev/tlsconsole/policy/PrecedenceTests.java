package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.only;
import static dev.tlsconsole.policy.PolicyTesting.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §3 rules 1, 2, 4 and 7: who wins, from where, and what each side never reads. The lookup
 * order port/connection → application options → application annex → host annex is the PSDK
 * GConfigTlsPropertyReader order (GENESYS-TLS-REFERENCE.md §8 A1, source PSDKC).
 */
class PrecedenceTests {

    /** A winning and a losing valid value for every option. */
    private static final Map<SecurityOption, String[]> VALUES = Map.ofEntries(
            Map.entry(SecurityOption.TLS, new String[] {"1", "0"}),
            Map.entry(SecurityOption.TLS_MUTUAL, new String[] {"1", "0"}),
            Map.entry(SecurityOption.CLIENT_AUTH, new String[] {"0", "1"}),
            Map.entry(SecurityOption.SEC_PROTOCOL, new String[] {"TLSv12", "TLSv13"}),
            Map.entry(SecurityOption.CERTIFICATE, new String[] {"/win/cert.pem", "/lose/cert.pem"}),
            Map.entry(SecurityOption.CERTIFICATE_KEY, new String[] {"/win/cert.key", "/lose/cert.key"}),
            Map.entry(SecurityOption.TRUSTED_CA, new String[] {"/win/ca.pem", "/lose/ca.pem"}),
            Map.entry(SecurityOption.TLS_CRL, new String[] {"/win/ca.crl", "/lose/ca.crl"}),
            Map.entry(SecurityOption.TLS_TARGET_NAME_CHECK, new String[] {"host", "no"}),
            Map.entry(SecurityOption.TLS_TARGET_NAME, new String[] {"win.example", "lose.example"}),
            Map.entry(SecurityOption.CIPHER_LIST, new String[] {"HIGH", "MEDIUM"}),
            Map.entry(SecurityOption.PROVIDER, new String[] {"PEM", "MSCAPI"}),
            Map.entry(SecurityOption.FIPS140_ENABLED, new String[] {"true", "false"}),
            Map.entry(SecurityOption.TLS_VERSION, new String[] {"TLSv1.3", "TLSv1.2"}),
            Map.entry(SecurityOption.PROTOCOL_LIST, new String[] {"TLSv1.3", "TLSv1.2"}));

    private static final List<Level> SERVER_LEVELS = List.of(Level.PORT, Level.APPLICATION, Level.APPLICATION_ANNEX, Level.HOST);
    private static final List<Level> CLIENT_LEVELS = List.of(Level.CONNECTION, Level.APPLICATION, Level.APPLICATION_ANNEX, Level.HOST);

    /** Genesys reads every option where it may be set, except that a server's tls counts only on the port. */
    private static boolean read(Side side, SecurityOption option, Level level) {
        return option.settableAt(level) && !(side == Side.SERVER && option == SecurityOption.TLS && level != Level.PORT);
    }

    static List<Arguments> eachOptionAtEachLevel() {
        List<Arguments> cases = new ArrayList<>();
        for (Side side : List.of(Side.SERVER, Side.CLIENT)) {
            List<Level> levels = side == Side.SERVER ? SERVER_LEVELS : CLIENT_LEVELS;
            for (SecurityOption option : SecurityOption.values()) {
                for (Level level : levels) {
                    if (read(side, option, level)) {
                        cases.add(Arguments.of(side, option, level));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} set at {2} wins over every lower level")
    @MethodSource("eachOptionAtEachLevel")
    void theMostSpecificLevelThatSetsAnOptionWins(Side side, SecurityOption option, Level winning) {
        List<Level> levels = side == Side.SERVER ? SERVER_LEVELS : CLIENT_LEVELS;
        Map<Level, String> set = new EnumMap<>(Level.class);
        set.put(winning, VALUES.get(option)[0]);
        for (Level level : levels.subList(levels.indexOf(winning) + 1, levels.size())) {
            if (read(side, option, level)) {
                set.put(level, VALUES.get(option)[1]);
            }
        }
        Pair pair = Pair.build(side, option.key(), set);

        EffectivePolicy policy = resolve(pair.snapshot(), pair.connection());

        ResolvedOption resolved = (side == Side.SERVER ? policy.serverSide() : policy.clientSide()).get(option);
        assertThat(resolved.value()).isEqualTo(VALUES.get(option)[0]);
        assertThat(resolved.level()).isEqualTo(winning);
        assertThat(resolved.source()).map(ref -> ref.type().level()).contains(winning);
        assertThat(resolved.source().orElseThrow().name()).isEqualTo(pair.nameAt(winning));
    }

    @Test
    void unsetOptionsResolveToTheirDefaultsOnBothSides() {
        Pair pair = Pair.build(Side.SERVER, "cipher-list", Map.of());

        EffectivePolicy policy = resolve(pair.snapshot(), pair.connection());

        for (ResolvedSide side : List.of(policy.serverSide(), policy.clientSide())) {
            assertThat(side.options()).extracting(ResolvedOption::option).containsExactly(SecurityOption.values());
            assertThat(side.options()).allSatisfy(option -> {
                assertThat(option.level()).isEqualTo(Level.DEFAULT);
                assertThat(option.value()).isEqualTo(option.option().defaultValue());
                assertThat(option.source()).isEmpty();
            });
            assertThat(side.asMap()).containsOnlyKeys("tls", "tls-mutual", "client-auth", "sec-protocol", "certificate",
                    "certificate-key", "trusted-ca", "tls-crl", "tls-target-name-check", "tls-target-name", "cipher-list",
                    "provider", "fips140-enabled", "tls-version", "protocol-list");
        }
    }

    @ParameterizedTest(name = "{0}: block at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SERVER | PORT        | certificate=/p/c.pem                      | certificate=/a/c.pem;certificate-key=/a/c.key;trusted-ca=/a/ca.pem | /p/c.pem  |           |
            SERVER | APPLICATION | trusted-ca=/a/ca.pem                      | certificate=/h/c.pem;certificate-key=/h/c.key                      |           |           | /a/ca.pem
            SERVER | APPLICATION_ANNEX | certificate=/x/c.pem            | certificate=/h/c.pem;certificate-key=/h/c.key;trusted-ca=/h/ca.pem | /x/c.pem  |           |
            CLIENT | APPLICATION | certificate=/a/c.pem                      | certificate-key=/x/c.key;trusted-ca=/x/ca.pem                      | /a/c.pem  |           |
            CLIENT | APPLICATION_ANNEX | trusted-ca=/x/ca.pem            | certificate=/h/c.pem;certificate-key=/h/c.key                      |           |           | /x/ca.pem
            CLIENT | CONNECTION  | certificate-key=/c/c.key                  | certificate=/a/c.pem;trusted-ca=/a/ca.pem                          |           | /c/c.key  |
            CLIENT | APPLICATION | certificate=/a/c.pem;trusted-ca=/a/ca.pem | certificate-key=/h/c.key                                           | /a/c.pem  |           | /a/ca.pem
            """)
    void theCertificateBlockComesWholeFromTheFirstLevelThatSetsAnyOfIt(Side side, Level blockLevel, String upper,
                                                                       String lower, String cert, String key, String ca) {
        List<Level> levels = side == Side.SERVER ? SERVER_LEVELS : CLIENT_LEVELS;
        Level lowerLevel = levels.get(levels.indexOf(blockLevel) + 1);
        Pair pair = Pair.build(side, Map.of(blockLevel, upper.split(";"), lowerLevel, lower.split(";")));

        EffectivePolicy policy = resolve(pair.snapshot(), pair.connection());

        ResolvedSide resolved = side == Side.SERVER ? policy.serverSide() : policy.clientSide();
        assertThat(resolved.value(SecurityOption.CERTIFICATE)).isEqualTo(cert == null ? "" : cert);
        assertThat(resolved.value(SecurityOption.CERTIFICATE_KEY)).isEqualTo(key == null ? "" : key);
        assertThat(resolved.value(SecurityOption.TRUSTED_CA)).isEqualTo(ca == null ? "" : ca);
        for (SecurityOption option : List.of(SecurityOption.CERTIFICATE, SecurityOption.CERTIFICATE_KEY, SecurityOption.TRUSTED_CA)) {
            assertThat(resolved.get(option).level()).as(option.key()).isEqualTo(blockLevel);
        }
    }

    @Test
    void theClientNeverReadsItsOwnPortsNorTheServersSecurityOptions() {
        TestTopology t = new TestTopology();
        long serverHost = t.unixHost("cfg-host", TestTopology.MODERN_PACK, "tls-target-name-check=host");
        long server = t.app("confserv", "Configuration Server", serverHost, PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA,
                "tls-mutual=1", "sec-protocol=TLSv13");
        long port = t.port(server, "default", ListeningMode.SECURE, "tls=1;cipher-list=HIGH;client-auth=0");
        long clientHost = t.unixHost("stat-host", TestTopology.MODERN_PACK);
        long client = t.app("statserv", "Stat Server", clientHost);
        t.port(client, "default", ListeningMode.SECURE, "tls=1;tls-mutual=1;certificate=/own/stat.pem;sec-protocol=TLSv12");
        long connection = t.connection(client, port, "");

        EffectivePolicy policy = resolve(t.snapshot(), connection);

        assertThat(policy.clientSide().options()).allSatisfy(option -> assertThat(option.level()).isEqualTo(Level.DEFAULT));
        assertThat(policy.serverSide().get(SecurityOption.TLS_MUTUAL).level()).isEqualTo(Level.APPLICATION);
    }

    @Test
    void theServersTlsCountsOnlyOnThePortItself() {
        TestTopology t = new TestTopology();
        long host = t.unixHost("cfg-host", TestTopology.MODERN_PACK);
        long server = t.app("confserv", "Configuration Server", host, "tls=1", PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA);
        long port = t.port(server, "default", ListeningMode.SECURE, "");
        long client = t.app("statserv", "Stat Server", t.unixHost("stat-host", TestTopology.MODERN_PACK), "tls=1");
        long connection = t.connection(client, port, "");

        EffectivePolicy policy = resolve(t.snapshot(), connection);

        assertThat(policy.serverSide().get(SecurityOption.TLS).level()).isEqualTo(Level.DEFAULT);
        assertThat(policy.clientSide().get(SecurityOption.TLS).level()).isEqualTo(Level.APPLICATION);
        assertThat(only(policy, FindingCode.TLS_NOT_ON_PORT).side()).isEqualTo(Side.SERVER);
    }

    @ParameterizedTest(name = "{1} at {0} is ignored")
    @CsvSource({"CONNECTION, tls-mutual=1, CLIENT", "PORT, client-auth=0, SERVER",
            "PORT, tls-target-name-check=host, SERVER"})
    void optionsAtLevelsGenesysDoesNotReadAreIgnoredAndFlagged(Level level, String setting, Side side) {
        Side owner = level == Level.PORT ? Side.SERVER : Side.CLIENT;
        Pair pair = Pair.build(owner, Map.of(level, new String[] {setting}));
        SecurityOption option = SecurityOption.fromKey(setting.substring(0, setting.indexOf('='))).orElseThrow();

        EffectivePolicy policy = resolve(pair.snapshot(), pair.connection());

        ResolvedSide resolved = owner == Side.SERVER ? policy.serverSide() : policy.clientSide();
        assertThat(resolved.get(option).level()).isEqualTo(Level.DEFAULT);
        var finding = only(policy, FindingCode.OPTION_LEVEL_IGNORED);
        assertThat(finding.side()).isEqualTo(side);
        assertThat(finding.fixLevel()).isEqualTo(level);
        assertThat(finding.message()).startsWith(setting + " ").contains("has no effect");
    }

    /** GENESYS-TLS-REFERENCE.md §8 A2 (PSDKC step 4): tls, like every option, is read from the host annex. */
    @Test
    void aHostAnnexTlsIsReadByTheClientButNeverMakesAPortSecure() {
        Pair client = Pair.build(Side.CLIENT, Map.of(Level.HOST, new String[] {"tls=1"}));
        EffectivePolicy clientPolicy = resolve(client.snapshot(), client.connection());
        assertThat(clientPolicy.clientSide().get(SecurityOption.TLS).level()).isEqualTo(Level.HOST);
        assertThat(clientPolicy.findings()).extracting(f -> f.code()).doesNotContain(FindingCode.OPTION_LEVEL_IGNORED);

        Pair server = Pair.build(Side.SERVER, Map.of(Level.HOST, new String[] {"tls=1"}));
        EffectivePolicy serverPolicy = resolve(server.snapshot(), server.connection());
        assertThat(serverPolicy.serverSide().get(SecurityOption.TLS).level()).isEqualTo(Level.DEFAULT);
        assertThat(serverPolicy.mode()).isEqualTo(dev.tlsconsole.policy.effective.Mode.PLAINTEXT);
    }

    @Test
    void provenanceNamesPortsAndConnectionsAsUsersKnowThem() {
        TestTopology t = new TestTopology();
        long server = t.app("confserv", "Configuration Server", t.unixHost("cfg-host", TestTopology.MODERN_PACK));
        long port = t.port(server, "default", ListeningMode.SECURE, "tls=1;" + PolicyTesting.CERT + ";" + PolicyTesting.KEY + ";" + PolicyTesting.CA);
        long client = t.app("statserv", "Stat Server", t.unixHost("stat-host", TestTopology.MODERN_PACK), PolicyTesting.CA);
        long connection = t.connection(client, port, "tls=1");

        EffectivePolicy policy = resolve(t.snapshot(), connection);

        var portRef = policy.serverSide().get(SecurityOption.CERTIFICATE).source().orElseThrow();
        assertThat(portRef.type()).isEqualTo(ObjectType.PORT);
        assertThat(portRef.id()).isEqualTo(port);
        assertThat(portRef.name()).isEqualTo("confserv:default");
        var connectionRef = policy.clientSide().get(SecurityOption.TLS).source().orElseThrow();
        assertThat(connectionRef.id()).isEqualTo(connection);
        assertThat(connectionRef.name()).isEqualTo("statserv → confserv:default");
        assertThat(policy.server().portId()).isEqualTo("default");
        assertThat(policy.client().host().name()).isEqualTo("stat-host");
    }

    /** A server (port, app, host) and a client (connection, app, host) on four distinct objects. */
    record Pair(TopologySnapshot snapshot, long connection, Side side) {

        static Pair build(Side side, String key, Map<Level, String> values) {
            Map<Level, String[]> options = new EnumMap<>(Level.class);
            values.forEach((level, value) -> options.put(level, new String[] {key + "=" + value}));
            return build(side, options);
        }

        static Pair build(Side side, Map<Level, String[]> options) {
            boolean server = side == Side.SERVER;
            TestTopology t = new TestTopology();
            long serverHost = t.unixHost("server-host", TestTopology.MODERN_PACK, server ? at(options, Level.HOST) : new String[0]);
            long serverApp = t.app("server-app", "Configuration Server", serverHost, server ? at(options, Level.APPLICATION) : new String[0]);
            if (server) {
                t.annex(serverApp, at(options, Level.APPLICATION_ANNEX));
            }
            long port = t.port(serverApp, "default", ListeningMode.UNSECURED, server ? String.join(";", at(options, Level.PORT)) : "");
            long clientHost = t.unixHost("client-host", TestTopology.MODERN_PACK, server ? new String[0] : at(options, Level.HOST));
            long clientApp = t.app("client-app", "Stat Server", clientHost, server ? new String[0] : at(options, Level.APPLICATION));
            if (!server) {
                t.annex(clientApp, at(options, Level.APPLICATION_ANNEX));
            }
            long connection = t.connection(clientApp, port, server ? "" : String.join(";", at(options, Level.CONNECTION)));
            return new Pair(t.snapshot(), connection, side);
        }

        private static String[] at(Map<Level, String[]> options, Level level) {
            return Optional.ofNullable(options.get(level)).orElse(new String[0]);
        }

        String nameAt(Level level) {
            return switch (level) {
                case PORT -> "server-app:default";
                case CONNECTION -> "client-app → server-app:default";
                case APPLICATION, APPLICATION_ANNEX -> side == Side.SERVER ? "server-app" : "client-app";
                case HOST -> side == Side.SERVER ? "server-host" : "client-host";
                case DEFAULT -> "";
            };
        }
    }
}
