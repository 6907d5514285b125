package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.NOW;
import static dev.tlsconsole.policy.PolicyTesting.THUMBPRINT;
import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.LinkRules.Kind;
import dev.tlsconsole.policy.LinkRules.LinkVerdict;
import dev.tlsconsole.policy.LinkRules.Problem;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §4, one row per way of raising each code: the code, its severity, the side, and where to
 * fix it (level and object name). A companion test checks that no code is left without a row.
 */
class FindingCatalogueTests {

    private static final String SERVER_CERT = "/opt/certs/server.pem";

    static List<Arguments> catalogue() {
        return List.of(
                row("port marked SECURE without tls=1", s -> s.port(ListeningMode.SECURE, "").connection(""),
                        FindingCode.TLS_NOT_ON_PORT, Side.SERVER, Level.PORT, "confserv:default"),
                row("client asks TLS of a plain port", s -> s.port(ListeningMode.UNSECURED, ""),
                        FindingCode.TLS_NOT_ON_PORT, Side.CLIENT, Level.PORT, "confserv:default"),
                row("port transport does not parse", s -> s.port(ListeningMode.SECURE, "tls =1"),
                        FindingCode.TRANSPORT_SYNTAX, Side.SERVER, Level.PORT, "confserv:default"),
                row("connection transport does not parse", s -> s.connection("tls=1;;"),
                        FindingCode.TRANSPORT_SYNTAX, Side.CLIENT, Level.CONNECTION, "statserv → confserv:default"),
                row("misspelt option in [security]", s -> s.addServerApp("tls-mutal=1"),
                        FindingCode.UNKNOWN_OPTION, Side.SERVER, Level.APPLICATION, "confserv"),
                row("misspelt option in a transport", s -> s.connection("tls=1;port=3000;trusted_ca=/x.pem"),
                        FindingCode.UNKNOWN_OPTION, Side.CLIENT, Level.CONNECTION, "statserv → confserv:default"),
                row("invalid value in a host annex", s -> s.clientHost("client-auth=2"),
                        FindingCode.INVALID_VALUE, Side.CLIENT, Level.HOST, "stat-host"),
                row("invalid tls on a connection", s -> s.connection("tls=yes"),
                        FindingCode.INVALID_VALUE, Side.CLIENT, Level.CONNECTION, "statserv → confserv:default"),
                row("client option on a port", s -> s.port(ListeningMode.SECURE, "tls=1;client-auth=0"),
                        FindingCode.OPTION_LEVEL_IGNORED, Side.SERVER, Level.PORT, "confserv:default"),
                row("auto-detect on Stat Server", s -> s.serverType("Stat Server").port(ListeningMode.AUTO_DETECT, "").connection(""),
                        FindingCode.AUTO_DETECT_NOT_CONFIG_SERVER, Side.SERVER, Level.PORT, "confserv:default"),
                row("client forces TLS on auto-detect", s -> s.port(ListeningMode.AUTO_DETECT, ""),
                        FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS, Side.CLIENT, Level.CONNECTION, "statserv → confserv:default"),
                row("UNSECURED port with tls=1", s -> s.port(ListeningMode.UNSECURED, "tls=1"),
                        FindingCode.LISTENING_MODE_MISMATCH, Side.SERVER, Level.PORT, "confserv:default"),
                row("no server certificate anywhere", s -> s.serverApp(),
                        FindingCode.SERVER_CERT_MISSING, Side.SERVER, Level.HOST, "cfg-host"),
                row("HA backup without the port id", s -> s.backup(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA).backupPortId("other"),
                        FindingCode.BACKUP_PORT_MISSING, Side.SERVER, Level.APPLICATION, "confserv-bak"),
                row("HA backup port in another mode", s -> s.backup(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA)
                                .backupPort(ListeningMode.UNSECURED, ""),
                        FindingCode.BACKUP_MODE_DIFFERS, Side.SERVER, Level.PORT, "confserv-bak:default"),
                row("UNIX server without key and CA", s -> s.serverApp(PolicyTesting.CERT),
                        FindingCode.UNIX_KEY_OR_CA_MISSING, Side.SERVER, Level.APPLICATION, "confserv"),
                row("UNIX mutual client without key", s -> s.addServerApp("tls-mutual=1").addClientApp("certificate=/opt/certs/stat.pem"),
                        FindingCode.UNIX_KEY_OR_CA_MISSING, Side.CLIENT, Level.APPLICATION, "statserv"),
                row("PEM path on Windows", s -> s.serverWindows().serverApp("certificate=/opt/certs/server.pem"),
                        FindingCode.CERT_FORMAT_FOR_OS, Side.SERVER, Level.APPLICATION, "confserv"),
                row("thumbprint on UNIX", s -> s.serverApp("certificate=" + THUMBPRINT, PolicyTesting.KEY, PolicyTesting.CA),
                        FindingCode.CERT_FORMAT_FOR_OS, Side.SERVER, Level.APPLICATION, "confserv"),
                row("mutual without client certificate", s -> s.addServerApp("tls-mutual=1"),
                        FindingCode.CLIENT_CERT_MISSING, Side.CLIENT, Level.APPLICATION, "statserv"),
                row("UNIX client without trusted-ca", s -> s.clientApp(),
                        FindingCode.UNTRUSTED_ISSUER, Side.CLIENT, Level.HOST, "stat-host"),
                row("client CA does not lead to the issuer", s -> s.facts(known(FakeCertificateFacts.sound("srv", "CN=cfg-host"))
                                .distrusts("/opt/certs/ca.pem", "srv")),
                        FindingCode.UNTRUSTED_ISSUER, Side.CLIENT, Level.APPLICATION, "statserv"),
                row("certificate does not name the host", s -> s.addClientApp("tls-target-name-check=host")
                                .facts(known(FakeCertificateFacts.sound("srv", "CN=other"), "other-host")),
                        FindingCode.HOST_NAME_MISMATCH, Side.LINK, Level.APPLICATION, "confserv"),
                row("SAN-only name and a client pack before 8.5.100.25", s -> s.clientPack("8.5.100.24").addClientApp("tls-target-name-check=host")
                                .facts(known(FakeCertificateFacts.sound("srv", "CN=other"), "cfg-host")),
                        FindingCode.HOST_NAME_MISMATCH, Side.LINK, Level.HOST, "stat-host"),
                row("tls-target-name and a client pack before 8.5.100.23", s -> s.clientPack("8.5.100.22")
                                .addClientApp("tls-target-name-check=host", "tls-target-name=cfg.example.com"),
                        FindingCode.TARGET_NAME_NEEDS_PACK, Side.CLIENT, Level.HOST, "stat-host"),
                row("expired", s -> s.facts(known(certificate(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)), 2048, "SHA256withRSA"))),
                        FindingCode.CERT_EXPIRED, Side.SERVER, Level.APPLICATION, "confserv"),
                row("not yet valid", s -> s.facts(known(certificate(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)), 2048, "SHA256withRSA"))),
                        FindingCode.CERT_NOT_YET_VALID, Side.SERVER, Level.APPLICATION, "confserv"),
                row("expiring within 30 days", s -> s.facts(known(certificate(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(29)), 2048, "SHA256withRSA"))),
                        FindingCode.CERT_EXPIRING, Side.SERVER, Level.APPLICATION, "confserv"),
                row("revoked, in the CRL the client checks", s -> s.addClientApp("tls-crl=/opt/certs/ca.crl").facts(known(FakeCertificateFacts.sound("srv", "CN=cfg-host"))
                                .revocation("srv", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "ca.crl"))),
                        FindingCode.CERT_REVOKED, Side.SERVER, Level.APPLICATION, "confserv"),
                // GENESYS-TLS-REFERENCE.md §8 B1: no tls-crl on the checking side = no check; fix = set tls-crl there
                row("revoked, the client has no tls-crl", s -> s.facts(known(FakeCertificateFacts.sound("srv", "CN=cfg-host"))
                                .revocation("srv", "", new Revocation(RevocationState.REVOKED, Optional.empty(), "the CRL of CA 'Root'"))),
                        FindingCode.CERT_REVOKED_UNCHECKED, Side.CLIENT, Level.APPLICATION, "statserv"),
                row("client CRL past nextUpdate", s -> s.addClientApp("tls-crl=/opt/certs/ca.crl").facts(known(FakeCertificateFacts.sound("srv", "CN=cfg-host"))
                                .revocation("srv", "/opt/certs/ca.crl", new Revocation(RevocationState.NOT_REVOKED, Optional.of(NOW.minusSeconds(60)), "ca.crl"))),
                        FindingCode.CRL_STALE, Side.CLIENT, Level.APPLICATION, "statserv"),
                row("1024-bit RSA", s -> s.facts(known(certificate(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400)), 1024, "SHA256withRSA"))),
                        FindingCode.WEAK_KEY, Side.SERVER, Level.APPLICATION, "confserv"),
                row("SHA-1 signature", s -> s.facts(known(certificate(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400)), 2048, "SHA1withRSA"))),
                        FindingCode.WEAK_SIGNATURE, Side.SERVER, Level.APPLICATION, "confserv"),
                row("certificate unknown to the console", s -> s,
                        FindingCode.CERT_CONTENT_UNCHECKED, Side.SERVER, Level.APPLICATION, "confserv"),
                row("sec-protocol on the host, certificate on the application", s -> s.serverHost("sec-protocol=TLSv12"),
                        // issue 12 item 8: the fix is made where the certificate is, so that is where it points
                        FindingCode.SEC_PROTOCOL_LEVEL, Side.SERVER, Level.APPLICATION, "confserv"),
                row("two different strict protocols", s -> s.addServerApp("sec-protocol=TLSv12").addClientApp("sec-protocol=TLSv13"),
                        FindingCode.PROTOCOL_MISMATCH, Side.LINK, Level.APPLICATION, "statserv"),
                row("SSLv23 allows TLS 1.1", s -> s.addServerApp("sec-protocol=SSLv23").addClientApp("sec-protocol=SSLv23"),
                        FindingCode.PROTOCOL_OBSOLETE, Side.LINK, Level.APPLICATION, "confserv"),
                row("TLSv13 on an 8.5.1 pack", s -> s.serverPack("8.5.1").addServerApp("sec-protocol=TLSv13"),
                        FindingCode.PROTOCOL_UNSUPPORTED_BY_PACK, Side.SERVER, Level.APPLICATION, "confserv"),
                row("client-auth=0", s -> s.clientHost("client-auth=0"),
                        FindingCode.ENCRYPTION_ONLY, Side.CLIENT, Level.HOST, "stat-host"),
                row("UNIX server without Security Pack", s -> s.serverPack(null),
                        FindingCode.SECURITY_PACK_MISSING, Side.SERVER, Level.HOST, "cfg-host"),
                row("pair not in the matrix", s -> s.rules(new FakeLinkRules().verdict("Stat Server", "Configuration Server",
                                new LinkVerdict(false, List.of(new Problem(Kind.NOT_LISTED, "Stat Server → Configuration Server is not listed")), List.of(), ""))),
                        FindingCode.LINK_NOT_SUPPORTED, Side.LINK, Level.CONNECTION, "statserv → confserv:default"),
                row("version below the matrix minimum", s -> s.rules(new FakeLinkRules().verdict("Stat Server", "Configuration Server",
                                new LinkVerdict(true, List.of(new Problem(Kind.VERSION_TOO_OLD, "Stat Server 8.5.1 is below 9.0")), List.of(), ""))),
                        FindingCode.VERSION_TOO_OLD, Side.LINK, Level.CONNECTION, "statserv → confserv:default"),
                row("ESP port required", s -> s.rules(new FakeLinkRules().verdict("Stat Server", "Configuration Server",
                                new LinkVerdict(true, List.of(new Problem(Kind.PORT_NAME_REQUIRED, "the port must be named ESP")), List.of(), ""))),
                        FindingCode.PORT_NAME_REQUIRED, Side.LINK, Level.PORT, "confserv:default"),
                row("product note", s -> s.rules(new FakeLinkRules().verdict("Stat Server", "Configuration Server",
                                new LinkVerdict(true, List.of(), List.of("GVP uses its own TLS format"), ""))),
                        FindingCode.PRODUCT_SPECIFIC, Side.LINK, Level.CONNECTION, "statserv → confserv:default"),
                row("sec-protocol on Windows", s -> s.serverWindows().addServerApp("sec-protocol=TLSv12"),
                        FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL, Side.SERVER, Level.APPLICATION, "confserv"),
                row("LCA reads lca.cfg", s -> s.clientType("Local Control Agent"),
                        FindingCode.CONFIG_FILE_ONLY, Side.CLIENT, Level.APPLICATION, "statserv"),
                // GENESYS-TLS-REFERENCE.md §8 F1: restricted lists with no suite in common fail the handshake
                row("cipher lists share no suite", s -> s.addServerApp("sec-protocol=TLSv12", "cipher-list=ECDHE-RSA-AES256-GCM-SHA384")
                                .addClientApp("sec-protocol=TLSv12", "cipher-list=ECDHE-RSA-AES128-GCM-SHA256"),
                        FindingCode.NO_COMMON_CIPHER, Side.LINK, Level.APPLICATION, "statserv"),
                row("RC4 in the server's cipher-list", s -> s.addServerApp("cipher-list=RC4-SHA:ECDHE-RSA-AES128-GCM-SHA256"),
                        FindingCode.WEAK_CIPHER, Side.SERVER, Level.APPLICATION, "confserv"),
                row("JSSE name on a UNIX native client", s -> s.addClientApp("cipher-list=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                        FindingCode.CIPHER_NAME_FOR_STACK, Side.CLIENT, Level.APPLICATION, "statserv"),
                // §8 A3 (PSDKC): the five block members come from one level on a Java side
                row("Java client with fips140-enabled below its certificate block", s -> s.clientType("Platform SDK")
                                .clientHost("fips140-enabled=true"),
                        FindingCode.PSDK_BLOCK_SPLIT, Side.CLIENT, Level.APPLICATION, "statserv"),
                // §8 A3 (PSDKC): client-auth is not a Platform SDK option
                row("Java client with client-auth=0", s -> s.clientType("Platform SDK").addClientApp("client-auth=0"),
                        FindingCode.OPTION_NOT_READ_BY_PSDK, Side.CLIENT, Level.APPLICATION, "statserv"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("catalogue")
    void raisesTheCodeWithItsSeveritySideAndFixLocation(String situation, UnaryOperator<Scenario> setUp, FindingCode code,
                                                         Side side, Level fixLevel, String fixName) {
        EffectivePolicy baseline = Scenario.simpleTls().resolve();
        EffectivePolicy policy = setUp.apply(Scenario.simpleTls()).resolve();

        List<Finding> raised = findings(policy, code).stream().filter(f -> f.side() == side).toList();
        assertThat(raised).as("%s in %s", code, policy.findings()).hasSize(1);
        Finding finding = raised.get(0);
        assertThat(finding.severity()).isEqualTo(code.severity()).isEqualTo(expectedSeverity(code));
        assertThat(finding.fixLevel()).isEqualTo(fixLevel);
        assertThat(finding.fixAt().name()).isEqualTo(fixName);
        assertThat(finding.message()).doesNotContain("null").hasSizeGreaterThan(40);
        if (code != FindingCode.CERT_CONTENT_UNCHECKED) {
            assertThat(codes(baseline)).as("the sound baseline").doesNotContain(code);
        }
    }

    @Test
    void everyCodeHasARow() {
        Set<FindingCode> covered = catalogue().stream().map(a -> (FindingCode) a.get()[2]).collect(Collectors.toSet());

        // probe findings (OBSERVED_*) come from comparing a handshake with the policy, not from the engine
        assertThat(EnumSet.allOf(FindingCode.class).stream().filter(code -> !code.observed()).toList())
                .containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void theSoundBaselineHasOnlyTheUncheckedCertificateInfo() {
        EffectivePolicy policy = Scenario.simpleTls().resolve();

        assertThat(codes(policy)).containsExactly(FindingCode.CERT_CONTENT_UNCHECKED);
    }

    /** Severities as DESIGN.md §4 lists them, restated so that a changed enum does not pass silently. */
    private static Severity expectedSeverity(FindingCode code) {
        Set<FindingCode> warnings = EnumSet.of(FindingCode.UNKNOWN_OPTION, FindingCode.OPTION_LEVEL_IGNORED,
                FindingCode.LISTENING_MODE_MISMATCH, FindingCode.CERT_EXPIRING, FindingCode.CRL_STALE, FindingCode.WEAK_KEY,
                FindingCode.WEAK_SIGNATURE, FindingCode.SEC_PROTOCOL_LEVEL, FindingCode.PROTOCOL_OBSOLETE, FindingCode.ENCRYPTION_ONLY,
                FindingCode.CERT_REVOKED_UNCHECKED, FindingCode.BACKUP_PORT_MISSING, FindingCode.BACKUP_MODE_DIFFERS,
                FindingCode.TARGET_NAME_NEEDS_PACK, FindingCode.WEAK_CIPHER, FindingCode.CIPHER_NAME_FOR_STACK,
                FindingCode.PSDK_BLOCK_SPLIT, FindingCode.OPTION_NOT_READ_BY_PSDK);
        Set<FindingCode> infos = EnumSet.of(FindingCode.CERT_CONTENT_UNCHECKED, FindingCode.PRODUCT_SPECIFIC,
                FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL, FindingCode.CONFIG_FILE_ONLY);
        return warnings.contains(code) ? Severity.WARNING : infos.contains(code) ? Severity.INFO : Severity.ERROR;
    }

    private static Arguments row(String situation, UnaryOperator<Scenario> setUp, FindingCode code, Side side, Level level, String name) {
        return Arguments.of(situation, setUp, code, side, level, name);
    }

    private static FakeCertificateFacts known(KnownCertificate certificate, String... names) {
        String[] dns = names.length == 0 ? new String[] {"cfg-host"} : names;
        return new FakeCertificateFacts().add(SERVER_CERT, certificate, dns);
    }

    private static KnownCertificate certificate(Instant notBefore, Instant notAfter, int bits, String signature) {
        return new KnownCertificate("srv", "CN=cfg-host", notBefore, notAfter, "RSA", bits, signature);
    }

    @Test
    void helperCertificatesAreDistinguishable() {
        assertThat(Arrays.asList(certificate(NOW, NOW, 1, "x").reference(), SERVER_CERT)).doesNotHaveDuplicates();
    }
}
