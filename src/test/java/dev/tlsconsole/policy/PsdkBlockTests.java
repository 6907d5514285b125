package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Platform SDK certificate block (issue 12 item 7): GENESYS-TLS-REFERENCE.md §8 A3 and §4.2, source PSDKC
 * ({@code GConfigTlsPropertyReader}): a Java component reads provider, certificate, certificate-key, trusted-ca
 * and fips140-enabled together from the first level that sets any of them; native components keep the
 * three-option block.
 */
class PsdkBlockTests {

    @Test
    void aJavaServerWithProviderOnTheApplicationDoesNotReachTheHostsCertificate() {
        EffectivePolicy policy = Scenario.simpleTls().serverType("Universal Contact Server")
                .serverApp("provider=PEM")
                .serverHost(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA).resolve();

        ResolvedOption certificate = policy.serverSide().get(SecurityOption.CERTIFICATE);
        assertThat(certificate.level()).isEqualTo(Level.APPLICATION);
        assertThat(certificate.value()).isEmpty();
        assertThat(codes(policy)).contains(FindingCode.SERVER_CERT_MISSING);
        List<Finding> splits = findings(policy, FindingCode.PSDK_BLOCK_SPLIT);
        assertThat(splits).hasSize(3).allSatisfy(finding -> {
            assertThat(finding.fixAt().name()).isEqualTo("confserv");
            assertThat(finding.message()).contains("Java (Platform SDK)", "is not used");
        });
        assertThat(splits).extracting(f -> f.suggestedChange().orElseThrow().option())
                .containsExactly("certificate", "certificate-key", "trusted-ca");
    }

    @Test
    void aNativeServerWithTheSameSettingsReadsTheHostsCertificate() {
        EffectivePolicy policy = Scenario.simpleTls().serverApp("provider=PEM")
                .serverHost(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA).resolve();

        assertThat(policy.serverSide().get(SecurityOption.CERTIFICATE).level()).isEqualTo(Level.HOST);
        assertThat(codes(policy)).doesNotContain(FindingCode.SERVER_CERT_MISSING, FindingCode.PSDK_BLOCK_SPLIT);
    }

    @Test
    void aJavaClientsFipsSwitchBelowItsCertificateBlockIsNotUsed() {
        EffectivePolicy policy = Scenario.simpleTls().clientType("Platform SDK")
                .clientHost("fips140-enabled=true").resolve();

        ResolvedOption fips = policy.clientSide().get(SecurityOption.FIPS140_ENABLED);
        assertThat(fips.level()).as("taken from the block's level").isEqualTo(Level.APPLICATION);
        assertThat(fips.value()).isEmpty();
        Finding split = PolicyTesting.only(policy, FindingCode.PSDK_BLOCK_SPLIT);
        assertThat(split.fixAt().name()).isEqualTo("statserv");
        assertThat(split.suggestedChange()).hasValueSatisfying(change -> {
            assertThat(change.option()).isEqualTo("fips140-enabled");
            assertThat(change.value()).isEqualTo("true");
        });
    }

    @Test
    void aJavaSideWithTheWholeBlockAtOneLevelRaisesNothing() {
        EffectivePolicy policy = Scenario.simpleTls().serverType("Universal Contact Server")
                .addServerApp("provider=PEM", "fips140-enabled=false").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.PSDK_BLOCK_SPLIT, FindingCode.SERVER_CERT_MISSING);
        assertThat(policy.serverSide().get(SecurityOption.PROVIDER).value()).isEqualTo("PEM");
    }
}
