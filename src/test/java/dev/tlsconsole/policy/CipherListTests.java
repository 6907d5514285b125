package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.Level;
import org.junit.jupiter.api.Test;

/**
 * cipher-list (issue 12 item 6): GENESYS-TLS-REFERENCE.md §8 F1 (OpenSSL names on the UNIX Security Pack, JSSE
 * names for Java components, the OS on Windows; two restricted lists with no suite in common fail the
 * handshake) and §6 check 18. The suite names and weaknesses come from {@code policy/cipher-suites.csv}.
 * Both sides are held at TLS 1.2 where the lists must decide: OpenSSL's cipher list does not restrict TLS 1.3 suites.
 */
class CipherListTests {

    private static final String TLS12 = "sec-protocol=TLSv12";

    @Test
    void twoOpenSslListsWithNoSuiteInCommonFailTheHandshake() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp(TLS12, "cipher-list=ECDHE-RSA-AES256-GCM-SHA384")
                .addClientApp(TLS12, "cipher-list=ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA").resolve();

        Finding finding = only(policy, FindingCode.NO_COMMON_CIPHER);
        assertThat(finding.side()).isEqualTo(Side.LINK);
        assertThat(finding.fixLevel()).isEqualTo(Level.APPLICATION);
        assertThat(finding.fixAt().name()).isEqualTo("statserv");
        assertThat(finding.message()).contains("share no cipher suite", "ECDHE-RSA-AES256-GCM-SHA384");
        assertThat(policy.grade()).isEqualTo(Grade.F);
        assertThat(finding.suggestedChange()).hasValueSatisfying(change -> {
            assertThat(change.option()).isEqualTo("cipher-list");
            assertThat(change.value()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384");
        });
    }

    @Test
    void listsSharingASuiteConnect() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp(TLS12, "cipher-list=ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256")
                .addClientApp(TLS12, "cipher-list=ECDHE-RSA-AES128-GCM-SHA256").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.NO_COMMON_CIPHER, FindingCode.WEAK_CIPHER);
        assertThat(policy.grade()).isNotEqualTo(Grade.F);
    }

    @Test
    void aListWithOpenSslKeywordsIsNotExpandedSoNothingIsClaimed() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp(TLS12, "cipher-list=ECDHE-RSA-AES256-GCM-SHA384")
                .addClientApp(TLS12, "cipher-list=HIGH:!aNULL").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.NO_COMMON_CIPHER);
    }

    @Test
    void aWeakSuiteInAnEffectiveListIsAWarningNamingItsSource() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp("cipher-list=RC4-SHA:ECDHE-RSA-AES128-GCM-SHA256").resolve();

        Finding finding = only(policy, FindingCode.WEAK_CIPHER);
        assertThat(finding.side()).isEqualTo(Side.SERVER);
        assertThat(finding.fixAt().name()).isEqualTo("confserv");
        assertThat(finding.message()).contains("RC4-SHA", "RFC 7465");
        assertThat(finding.suggestedChange()).hasValueSatisfying(change ->
                assertThat(change.value()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256"));
    }

    @Test
    void aJavaClientWithJsseNamesMeetsAnOpenSslServerOnTheSameSuite() {
        EffectivePolicy policy = Scenario.simpleTls().clientType("Platform SDK")
                .addServerApp(TLS12, "cipher-list=ECDHE-RSA-AES128-GCM-SHA256")
                .addClientApp(TLS12, "cipher-list=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.NO_COMMON_CIPHER, FindingCode.CIPHER_NAME_FOR_STACK);
    }

    @Test
    void aJsseNameOnAUnixNativeServerIsSkippedByOpenSsl() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp(TLS12, "cipher-list=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .addClientApp(TLS12, "cipher-list=ECDHE-RSA-AES128-GCM-SHA256").resolve();

        Finding name = only(policy, FindingCode.CIPHER_NAME_FOR_STACK);
        assertThat(name.message()).contains("OpenSSL", "unconfirmed");
        assertThat(name.suggestedChange()).hasValueSatisfying(change ->
                assertThat(change.value()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256"));
        assertThat(codes(policy)).as("OpenSSL keeps no suite of that list").contains(FindingCode.NO_COMMON_CIPHER);
    }

    @Test
    void aWindowsNativeSideTakesTheOsCiphersSoItsListDecidesNothing() {
        EffectivePolicy policy = Scenario.simpleTls().serverWindows()
                .serverApp("certificate=" + PolicyTesting.THUMBPRINT, "cipher-list=RC4-SHA")
                .addClientApp(TLS12, "cipher-list=ECDHE-RSA-AES128-GCM-SHA256").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.NO_COMMON_CIPHER, FindingCode.WEAK_CIPHER);
    }

    @Test
    void onTls13BetweenOpenSslSidesTheTls12ListsDoNotDecide() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addServerApp("cipher-list=ECDHE-RSA-AES256-GCM-SHA384")
                .addClientApp("cipher-list=ECDHE-RSA-AES128-GCM-SHA256").resolve();

        assertThat(policy.protocol()).hasValueSatisfying(version -> assertThat(version.name()).isEqualTo("TLSv13"));
        assertThat(codes(policy)).doesNotContain(FindingCode.NO_COMMON_CIPHER);
    }
}
