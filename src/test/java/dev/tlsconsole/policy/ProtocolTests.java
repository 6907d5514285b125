package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md §3 rule 6 as corrected by GENESYS-TLS-REFERENCE.md §8 C (source ADV, three revisions): 8.5.0
 * (RSA) speaks SSLv3–TLS 1.1; 8.5.1 (OpenSSL) defaults to SSLv23 = SSLv3–TLS 1.2 and accepts SSLv3, TLSv1,
 * TLSv11, TLSv12; 8.5.100.25 accepts only SSLv23 (TLS 1.1 up), TLSv12, TLSv13 or empty (TLS 1.2 up).
 * Fix advice names the host whose pack holds the link back (issue 12 item 8).
 */
class ProtocolTests {

    private static final Set<FindingCode> PROTOCOL_CODES = EnumSet.of(FindingCode.PROTOCOL_MISMATCH, FindingCode.PROTOCOL_OBSOLETE,
            FindingCode.PROTOCOL_UNSUPPORTED_BY_PACK, FindingCode.SECURITY_PACK_MISSING, FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL,
            FindingCode.SEC_PROTOCOL_LEVEL);

    /**
     * Server and client: OS, Security Pack ("-" = none), sec-protocol (set next to the certificate on the
     * server, in the client application); then the negotiated protocol ("-" = none) and the protocol findings.
     */
    @ParameterizedTest(name = "{0}/{1}/{2} vs {3}/{4}/{5} -> {6} {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            UNIX    | 8.5.100.25 |        | UNIX    | 8.5.100.25 |        | TLSv13 |
            UNIX    | 8.5.1      |        | UNIX    | 8.5.100.25 |        | TLSv12 |
            UNIX    | 8.5.0      |        | UNIX    | 8.5.0      |        | TLSv11 | PROTOCOL_OBSOLETE
            UNIX    | 8.5.0      |        | UNIX    | 8.5.1      |        | TLSv11 | PROTOCOL_OBSOLETE
            UNIX    | 8.5.0      | SSLv23 | UNIX    | 8.5.1      | SSLv23 | TLSv11 | PROTOCOL_OBSOLETE
            UNIX    | 8.5.100.25 | SSLv23 | UNIX    | 8.5.100.25 |        | TLSv13 |
            UNIX    | 8.5.100.25 | TLSv12 | UNIX    | 8.5.100.25 |        | TLSv12 |
            UNIX    | 8.5.100.25 | TLSv13 | UNIX    | 8.5.1      |        | -      | PROTOCOL_MISMATCH
            UNIX    | 8.5.100.25 | TLSv12 | UNIX    | 8.5.100.25 | TLSv13 | -      | PROTOCOL_MISMATCH
            UNIX    | 8.5.1      | TLSv13 | UNIX    | 8.5.100.25 |        | -      | PROTOCOL_UNSUPPORTED_BY_PACK
            UNIX    | 8.5.0      | TLSv12 | UNIX    | 8.5.100.25 |        | -      | PROTOCOL_UNSUPPORTED_BY_PACK
            UNIX    | 8.5.1      | TLSv1  | UNIX    | 8.5.0      |        | TLSv1  | PROTOCOL_OBSOLETE
            UNIX    | 8.5.1      | SSLv3  | UNIX    | 8.5.0      |        | SSLv3  | PROTOCOL_OBSOLETE
            UNIX    | 8.5.100.25 | TLSv11 | UNIX    | 8.5.100.25 |        | -      | PROTOCOL_UNSUPPORTED_BY_PACK
            UNIX    | 8.5.100.25 | TLSv1  | UNIX    | 8.5.1      |        | -      | PROTOCOL_UNSUPPORTED_BY_PACK
            UNIX    | 8.5.1      |        | UNIX    | 8.5.1      |        | TLSv12 | PROTOCOL_OBSOLETE
            UNIX    | 8.5.0      | TLSv1  | UNIX    | 8.5.0      | TLSv1  | TLSv1  | PROTOCOL_OBSOLETE
            UNIX    | 8.5.0      | SSLv3  | UNIX    | 8.5.0      |        | SSLv3  | PROTOCOL_OBSOLETE
            UNIX    | 8.5.1      | TLSv11 | UNIX    | 8.5.1      | SSLv23 | TLSv11 | PROTOCOL_OBSOLETE
            UNIX    | 8.5.1      |        | UNIX    | 8.5.100.25 | TLSv12 | TLSv12 |
            UNIX    | -          |        | UNIX    | 8.5.100.25 |        | -      | SECURITY_PACK_MISSING
            UNIX    | 8.5.x      |        | UNIX    | 8.5.100.25 |        | -      | SECURITY_PACK_MISSING
            UNIX    | 8.5.100.25 |        | UNIX    | -          |        | -      | SECURITY_PACK_MISSING
            WINDOWS | -          |        | UNIX    | 8.5.100.25 |        | TLSv13 |
            WINDOWS | -          |        | UNIX    | 8.5.1      |        | TLSv12 |
            WINDOWS | -          |        | UNIX    | 8.5.0      |        | -      | PROTOCOL_MISMATCH
            WINDOWS | -          | SSLv3  | UNIX    | 8.5.100.25 |        | TLSv13 | WINDOWS_OS_OVERRIDES_PROTOCOL
            UNIX    | 8.5.100.25 |        | WINDOWS | -          | TLSv1  | TLSv13 | WINDOWS_OS_OVERRIDES_PROTOCOL
            WINDOWS | -          | TLSv12 | WINDOWS | -          | TLSv13 | TLSv13 | WINDOWS_OS_OVERRIDES_PROTOCOL WINDOWS_OS_OVERRIDES_PROTOCOL
            UNIX    | 8.5.100.25 | TLSv12 | WINDOWS | -          |        | TLSv12 |
            """)
    void negotiatesTheHighestCommonVersion(String serverOs, String serverPack, String serverProtocol, String clientOs,
                                           String clientPack, String clientProtocol, TlsVersion expected, String findings) {
        Scenario scenario = Scenario.simpleTls();
        if (serverOs.equals("WINDOWS")) {
            scenario.serverWindows();
        } else {
            scenario.serverPack(serverPack);
        }
        if (clientOs.equals("WINDOWS")) {
            scenario.clientWindows();
        } else {
            scenario.clientPack(clientPack);
        }
        if (serverProtocol != null) {
            scenario.addServerApp("sec-protocol=" + serverProtocol);
        }
        if (clientProtocol != null) {
            scenario.addClientApp("sec-protocol=" + clientProtocol);
        }

        EffectivePolicy policy = scenario.resolve();

        assertThat(policy.protocol()).isEqualTo(java.util.Optional.ofNullable(expected));
        assertThat(codes(policy).stream().filter(PROTOCOL_CODES::contains).map(Enum::name).collect(Collectors.joining(" ")))
                .isEqualTo(findings == null ? "" : findings);
    }

    @Test
    void theWindowsRangeComesFromTheSettings() {
        PolicySettings legacyWindows = new PolicySettings(Clock.fixed(PolicyTesting.NOW, java.time.ZoneOffset.UTC),
                Duration.ofDays(30), TlsVersion.TLSv1, TlsVersion.TLSv12);

        EffectivePolicy policy = Scenario.simpleTls().serverWindows().clientPack("8.5.0").settings(legacyWindows).resolve();

        assertThat(policy.protocol()).contains(TlsVersion.TLSv11);
        Finding obsolete = only(policy, FindingCode.PROTOCOL_OBSOLETE);
        assertThat(obsolete.fixLevel()).isEqualTo(Level.HOST);
        assertThat(obsolete.fixAt().name()).as("the side that cannot do TLS 1.2 must be upgraded").isEqualTo("stat-host");
        assertThat(obsolete.message()).contains("upgrade the Security Pack on host 'stat-host' to 8.5.1");
    }

    /** Where each protocol finding tells the operator to act. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            client strict wins the blame over server strict | 8.5.100.25 | TLSv12 | 8.5.100.25 | TLSv13 | PROTOCOL_MISMATCH            | APPLICATION | statserv
            the strict side is blamed                       | 8.5.100.25 | TLSv13 | 8.5.1      | -      | PROTOCOL_MISMATCH            | APPLICATION | confserv
            nobody strict: the older pack is upgraded       | 8.5.0      | -      | 8.5.1      | -      | PROTOCOL_OBSOLETE            | HOST        | cfg-host
            the client's old pack holds it back, not the server's | 8.5.100.25 | SSLv23 | 8.5.0 | -      | PROTOCOL_OBSOLETE            | HOST        | stat-host
            a pack that refuses a strict value              | 8.5.100.25 | TLSv11 | 8.5.100.25 | -  | PROTOCOL_UNSUPPORTED_BY_PACK | APPLICATION | confserv
            obsolete minimum: the server is tightened       | 8.5.100.25 | SSLv23 | 8.5.100.25 | SSLv23 | PROTOCOL_OBSOLETE            | APPLICATION | confserv
            obsolete only: the old pack is upgraded         | 8.5.0      | -      | 8.5.0      | -      | PROTOCOL_OBSOLETE            | HOST        | stat-host
            strict value above the pack                     | 8.5.1      | TLSv13 | 8.5.1      | -      | PROTOCOL_UNSUPPORTED_BY_PACK | APPLICATION | confserv
            """)
    void pointsAtTheOneChangeThatFixesIt(String situation, String serverPack, String serverProtocol, String clientPack,
                                         String clientProtocol, FindingCode code, Level level, String name) {
        Scenario scenario = Scenario.simpleTls().serverPack(serverPack).clientPack(clientPack);
        if (serverProtocol != null) {
            scenario.addServerApp("sec-protocol=" + serverProtocol);
        }
        if (clientProtocol != null) {
            scenario.addClientApp("sec-protocol=" + clientProtocol);
        }

        Finding finding = only(scenario.resolve(), code);

        assertThat(finding.fixLevel()).isEqualTo(level);
        assertThat(finding.fixAt().name()).isEqualTo(name);
    }

    @Test
    void secProtocolAtTheCertificatesLevelRaisesNoLevelWarningElsewhereItDoes() {
        EffectivePolicy sameLevel = Scenario.simpleTls().addServerApp("sec-protocol=TLSv12").resolve();
        EffectivePolicy otherLevel = Scenario.simpleTls().port(dev.tlsconsole.policy.snapshot.ListeningMode.SECURE, "tls=1;sec-protocol=TLSv12").resolve();
        EffectivePolicy clientWithCertificate = Scenario.simpleTls()
                .clientApp("certificate=/opt/certs/stat.pem", "certificate-key=/opt/certs/stat.key", PolicyTesting.CA)
                .clientHost("sec-protocol=TLSv12").resolve();
        EffectivePolicy clientWithoutCertificate = Scenario.simpleTls().clientHost("sec-protocol=TLSv12").resolve();
        EffectivePolicy windows = Scenario.simpleTls().serverWindows().serverHost("sec-protocol=TLSv12").resolve();

        assertThat(codes(sameLevel)).doesNotContain(FindingCode.SEC_PROTOCOL_LEVEL);
        assertThat(only(otherLevel, FindingCode.SEC_PROTOCOL_LEVEL).fixLevel()).isEqualTo(Level.PORT);
        assertThat(only(clientWithCertificate, FindingCode.SEC_PROTOCOL_LEVEL).side()).isEqualTo(dev.tlsconsole.policy.effective.Side.CLIENT);
        assertThat(codes(clientWithoutCertificate)).doesNotContain(FindingCode.SEC_PROTOCOL_LEVEL);
        assertThat(codes(windows)).doesNotContain(FindingCode.SEC_PROTOCOL_LEVEL).contains(FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL);
    }

    @Test
    void plaintextHasNoProtocolAndNoProtocolFindings() {
        EffectivePolicy policy = Scenario.simpleTls().port(dev.tlsconsole.policy.snapshot.ListeningMode.UNSECURED, "")
                .connection("").serverPack(null).addServerApp("sec-protocol=TLSv13").resolve();

        assertThat(policy.protocol()).isEmpty();
        assertThat(Arrays.asList(policy.findings().toArray())).isEmpty();
    }
}
