package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Property: on any topology, the shared-work resolution (sides shared per port and client application,
 * results shared between connections with equal inputs, parallel ranges) and the naive one (each
 * connection in a run of its own, its client side resolved from its own layers, no shortcut) agree
 * exactly — options with provenance, findings in order, mode, protocol, grade, reasons and the HA block.
 *
 * <p>Random topologies from seeded {@link Random}s rather than jqwik: jqwik 1.10 is built on JUnit
 * Platform 1.x while Spring Boot 4.1 brings Platform 6, and its maintainers ask that it not be used
 * by coding agents, which wrote this test. A failure names its seed, so it can be replayed.
 */
class ResolverAgreementTests {

    private static final String[] TYPES = {"Configuration Server", "Stat Server", "T-Server", "SIP Server",
        "Local Control Agent", "Message Server", "Configuration Server Proxy"};
    private static final String[] VERSIONS = {"8.5.1", "8.1.0", "8.5.100.25", "not-a-version"};
    private static final String[] PACKS = {null, "8.5.1", "8.5.100.25", "8.5.100.23", "8.1.2", "8.5.0", "bogus"};
    private static final String[] WINDOWS = {null, "Windows Server 2019", "Windows Server 2022", "Windows 11", "Windows Server 2016"};
    private static final String[] PORT_IDS = {"default", "secure", "esp"};
    private static final Map<String, String[]> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("tls", new String[] {"1", "1", "0", "2", ""});
        VALUES.put("tls-mutual", new String[] {"1", "0", "yes"});
        VALUES.put("client-auth", new String[] {"0", "1", "x"});
        VALUES.put("sec-protocol", new String[] {"TLSv12", "TLSv13", "SSLv23", "TLSv1", "TLSv11", "bogus", ""});
        VALUES.put("certificate", new String[] {"/opt/certs/a.pem", "/opt/certs/b.pem", "/opt/certs/c.pem",
            PolicyTesting.THUMBPRINT, "", "relative.pem"});
        VALUES.put("certificate-key", new String[] {"/opt/certs/a.key", "", "/opt/certs/b.key"});
        VALUES.put("trusted-ca", new String[] {"/opt/certs/ca.pem", "/opt/certs/other-ca.pem", ""});
        VALUES.put("tls-crl", new String[] {"/opt/certs/ca.crl", "/opt/certs/stale.crl", ""});
        VALUES.put("tls-target-name-check", new String[] {"host", "no", "maybe"});
        VALUES.put("tls-target-name", new String[] {"cfg.example.com", "*.example.com", "bad name!"});
        VALUES.put("cipher-list", new String[] {"HIGH", ""});
        VALUES.put("provider", new String[] {"PEM", "MSCAPI"});
        VALUES.put("fips140-enabled", new String[] {"true"});
        VALUES.put("tls-version", new String[] {"TLSv1.2"});
        VALUES.put("protocol-list", new String[] {"TLSv1.2,TLSv1.3"});
        VALUES.put("tls-mutal", new String[] {"1"});
        VALUES.put("certficate", new String[] {"/opt/certs/a.pem"});
        VALUES.put("colour", new String[] {"blue"});
    }

    /** Sound values only: topologies built from these reach the grades A and B too. */
    private static final String[][] TIDY = {{"tls", "1"}, {"tls-mutual", "1"}, {"tls-mutual", "0"}, {"sec-protocol", "TLSv12"},
        {"tls-crl", "/opt/certs/ca.crl"}, {"tls-target-name-check", "host"}, {"client-auth", "1"}};
    private static final String[] KEYS = VALUES.keySet().toArray(String[]::new);
    /** Weighted towards the options that decide modes and findings. */
    private static final String[] COMMON_KEYS = {"tls", "tls", "tls-mutual", "client-auth", "sec-protocol", "certificate",
        "trusted-ca", "tls-crl", "tls-target-name-check"};

    @Test
    void sharedWorkAndNaiveResolutionAgreeOnRandomTopologies() {
        Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        int backups = 0;
        for (long seed = 1; seed <= 250; seed++) {
            Random random = new Random(seed);
            TopologySnapshot snapshot = topology(random, 1 + random.nextInt(6), 2 + random.nextInt(9), random.nextInt(45));
            PolicyResolver resolver = new PolicyResolver(linkRules(), certificateFacts());

            List<EffectivePolicy> shared = resolver.resolveAll(snapshot, SETTINGS);
            List<EffectivePolicy> naive = resolver.resolveNaively(snapshot, SETTINGS);

            assertThat(shared).hasSameSizeAs(naive);
            for (int i = 0; i < naive.size(); i++) {
                assertThat(shared.get(i)).as("seed %d, connection %d (%s)", seed, i, snapshot.connection(i))
                        .isEqualTo(naive.get(i));
            }
            int[] some = IntStream.range(0, naive.size()).filter(i -> random.nextInt(3) == 0).toArray();
            List<EffectivePolicy> at = resolver.resolveAt(snapshot, some, SETTINGS);
            for (int k = 0; k < some.length; k++) {
                assertThat(at.get(k)).as("seed %d, resolveAt connection %d", seed, some[k]).isEqualTo(naive.get(some[k]));
            }
            for (EffectivePolicy policy : naive) {
                policy.findings().forEach(finding -> seen.add(finding.code()));
                policy.backup().ifPresent(backup -> backup.findings().forEach(finding -> seen.add(finding.code())));
                grades.add(policy.grade());
                backups += policy.backup().isPresent() ? 1 : 0;
            }
        }
        // the generator reaches the interesting parts of the engine, so agreement means something
        assertThat(grades).as("grades met").contains(Grade.A, Grade.B, Grade.C, Grade.F, Grade.NOT_SECURED);
        assertThat(backups).as("connections with an HA backup block").isGreaterThan(100);
        assertThat(seen).as("finding codes met").contains(FindingCode.TLS_NOT_ON_PORT, FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS,
                FindingCode.INVALID_VALUE, FindingCode.UNKNOWN_OPTION, FindingCode.OPTION_LEVEL_IGNORED,
                FindingCode.TRANSPORT_SYNTAX, FindingCode.PROTOCOL_MISMATCH, FindingCode.PROTOCOL_OBSOLETE,
                FindingCode.LINK_NOT_SUPPORTED, FindingCode.PRODUCT_SPECIFIC, FindingCode.PORT_NAME_REQUIRED,
                FindingCode.UNTRUSTED_ISSUER, FindingCode.HOST_NAME_MISMATCH, FindingCode.CERT_REVOKED,
                FindingCode.CRL_STALE, FindingCode.BACKUP_MODE_DIFFERS, FindingCode.BACKUP_PORT_MISSING,
                FindingCode.ENCRYPTION_ONLY, FindingCode.CONFIG_FILE_ONLY, FindingCode.SERVER_CERT_MISSING,
                FindingCode.CLIENT_CERT_MISSING);
    }

    @Test
    void aRandomTopologyLargeEnoughForParallelRangesAgreesWithTheNaiveResolution() {
        Random random = new Random(2026L);
        TopologySnapshot snapshot = topology(random, 40, 200, 21_000);
        PolicyResolver resolver = new PolicyResolver(linkRules(), certificateFacts());

        List<EffectivePolicy> shared = resolver.resolveAll(snapshot, SETTINGS);
        List<EffectivePolicy> naive = resolver.resolveNaively(snapshot, SETTINGS);

        assertThat(shared).hasSameSizeAs(naive);
        for (int i = 0; i < naive.size(); i++) {
            assertThat(shared.get(i)).as("connection %d", i).isEqualTo(naive.get(i));
        }
    }

    private static TopologySnapshot topology(Random random, int hostCount, int applicationCount, int connectionCount) {
        boolean tidy = random.nextInt(3) == 0;
        long id = 1;
        List<HostSnapshot> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            boolean windows = random.nextInt(4) == 0;
            hosts.add(new HostSnapshot(id++, "host-" + h, "10.0.0." + h, windows ? OsType.WINDOWS : OsType.UNIX,
                    windows ? null : pick(random, PACKS), section(random, 3, tidy), windows ? pick(random, WINDOWS) : null));
        }
        List<ApplicationSnapshot> applications = new ArrayList<>();
        for (int a = 0; a < applicationCount; a++) {
            applications.add(new ApplicationSnapshot(id++, "app-" + a, pick(random, TYPES), pick(random, VERSIONS),
                    hosts.get(random.nextInt(hostCount)).id(), null, section(random, 4, tidy),
                    random.nextInt(4) == 0 ? section(random, 2, tidy) : Map.of()));
        }
        // HA pairs: a backup usually shares port ids with its primary, sometimes not (BACKUP_PORT_MISSING)
        for (int a = 0; a < applicationCount; a++) {
            if (random.nextInt(4) == 0) {
                ApplicationSnapshot primary = applications.get(a);
                ApplicationSnapshot backup = applications.get(random.nextInt(applicationCount));
                applications.set(a, new ApplicationSnapshot(primary.id(), primary.name(), primary.componentType(),
                        primary.componentVersion(), primary.hostId(), backup.id(), primary.security(), primary.annex()));
            }
        }
        List<Port> ports = new ArrayList<>();
        for (ApplicationSnapshot application : applications) {
            int count = random.nextInt(3);
            for (int p = 0; p < count; p++) {
                ListeningMode mode = ListeningMode.values()[random.nextInt(ListeningMode.values().length)];
                ports.add(new Port(id++, application.id(), PORT_IDS[p], 2000 + (int) (id % 1000), mode,
                        random.nextInt(3) == 0 && !tidy ? transport(random) : mode == ListeningMode.UNSECURED ? "" : "tls=1"));
            }
        }
        if (ports.isEmpty()) {
            ports.add(new Port(id++, applications.get(0).id(), "default", 2000, ListeningMode.SECURE, "tls=1"));
        }
        // a few transports many connections share, so that shared results are exercised, and some of their own
        String[] shared = {"", "tls=1", "tls=1", "tls=1;sec-protocol=TLSv12", transport(random), transport(random)};
        int own = tidy ? 20 : 5;
        List<ConnectionSnapshot> connections = new ArrayList<>();
        for (int c = 0; c < connectionCount; c++) {
            ApplicationSnapshot client = applications.get(random.nextInt(applicationCount));
            Port port = ports.get(random.nextInt(ports.size()));
            connections.add(new ConnectionSnapshot(id++, client.id(), port.id(),
                    random.nextInt(own) == 0 ? transport(random) : pick(random, shared)));
        }
        return TopologySnapshot.of(hosts, applications, ports, connections);
    }

    private static Map<String, String> section(Random random, int max, boolean tidy) {
        if (!tidy) {
            return section(random, max);
        }
        Map<String, String> section = new LinkedHashMap<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            String[] option = TIDY[random.nextInt(TIDY.length)];
            section.put(option[0], option[1]);
        }
        if (random.nextInt(3) == 0) {
            section.put("certificate", "/opt/certs/a.pem");
            section.put("certificate-key", "/opt/certs/a.key");
            section.put("trusted-ca", "/opt/certs/ca.pem");
        }
        return section;
    }

    private static Map<String, String> section(Random random, int max) {
        Map<String, String> section = new LinkedHashMap<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            String key = random.nextInt(3) == 0 ? pick(random, KEYS) : pick(random, COMMON_KEYS);
            section.put(key, pick(random, VALUES.get(key)));
        }
        return section;
    }

    /** A transport string: TLS options, other parameters, and now and then something that does not parse. */
    private static String transport(Random random) {
        List<String> parts = new ArrayList<>();
        section(random, 3).forEach((key, value) -> parts.add(key + "=" + value));
        if (random.nextInt(4) == 0) {
            parts.add(random.nextBoolean() ? "port=3000" : "backup-port=3001");
        }
        if (random.nextInt(12) == 0) {
            parts.add(random.nextBoolean() ? "tls 1" : "=x");
        }
        return String.join(";", parts);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static FakeLinkRules linkRules() {
        return new FakeLinkRules()
                .verdict("Stat Server", "T-Server", new LinkRules.LinkVerdict(true,
                        List.of(new LinkRules.Problem(LinkRules.Kind.VERSION_TOO_OLD, "T-Server needs 8.5.1 or later")),
                        List.of(), "listed"))
                .verdict("T-Server", "SIP Server", new LinkRules.LinkVerdict(false, List.of(), List.of(), "not listed"))
                .verdict("Message Server", "Stat Server", new LinkRules.LinkVerdict(true,
                        List.of(new LinkRules.Problem(LinkRules.Kind.PORT_NAME_REQUIRED, "the port must be named esp")),
                        List.of(), "listed"))
                .verdict("Local Control Agent", "Configuration Server", new LinkRules.LinkVerdict(true, List.of(),
                        List.of("LCA reads its TLS settings at start only"), "listed"))
                .verdict("SIP Server", "Message Server", new LinkRules.LinkVerdict(false,
                        List.of(new LinkRules.Problem(LinkRules.Kind.UNKNOWN_COMPONENT, "unknown component")),
                        List.of("a note"), "unknown"));
    }

    private static FakeCertificateFacts certificateFacts() {
        KnownCertificate a = FakeCertificateFacts.sound("a", "CN=host-0");
        KnownCertificate b = new KnownCertificate("b", "CN=cfg.example.com", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2026-01-10T00:00:00Z"), "RSA", 1024, "SHA1withRSA");
        KnownCertificate thumbprint = FakeCertificateFacts.sound("t", "CN=host-1");
        return new FakeCertificateFacts()
                .add("/opt/certs/a.pem", a, "host-0", "cfg.example.com")
                .add("/opt/certs/b.pem", b, "cfg.example.com")
                .add(PolicyTesting.THUMBPRINT, thumbprint, "host-1")
                .trusts("/opt/certs/ca.pem", "a")
                .distrusts("/opt/certs/other-ca.pem", "a")
                .distrusts("/opt/certs/ca.pem", "b")
                .revocation("b", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED,
                        Optional.of(Instant.parse("2026-02-01T00:00:00Z")), "ca.crl"))
                .revocation("b", "", new Revocation(RevocationState.REVOKED, Optional.empty(), "the issuer's CRL"))
                .revocation("a", "/opt/certs/stale.crl", new Revocation(RevocationState.NOT_REVOKED,
                        Optional.of(Instant.parse("2025-06-01T00:00:00Z")), "stale.crl"))
                .revocation("t", "/opt/certs/ca.crl", new Revocation(RevocationState.NOT_REVOKED,
                        Optional.of(Instant.parse("2026-03-01T00:00:00Z")), "ca.crl"));
    }
}
