package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import org.junit.jupiter.api.Test;

/**
 * The client's Security Pack decides the client-side name features: a host name that matches only
 * through a SAN needs the client's pack 8.5.100.25 (GENESYS-TLS-REFERENCE.md §8 D1, ADV newest revision,
 * SAN certificates); tls-target-name needs the client's UNIX pack 8.5.100.23 and acts only with
 * tls-target-name-check=host (§8 D2).
 */
class ClientPackTests {

    private static FakeCertificateFacts sanOnly() {
        return new FakeCertificateFacts().add("/opt/certs/server.pem", FakeCertificateFacts.sound("srv", "CN=other"), "cfg-host");
    }

    @Test
    void aSanOnlyMatchFailsWhenTheClientsPackIsOlderThan8510025() {
        EffectivePolicy policy = Scenario.simpleTls().clientPack("8.5.100.24").addClientApp("tls-target-name-check=host")
                .facts(sanOnly()).resolve();

        Finding mismatch = PolicyTesting.only(policy, FindingCode.HOST_NAME_MISMATCH);
        assertThat(mismatch.fixAt().name()).as("the pack to upgrade is the client's").isEqualTo("stat-host");
        assertThat(mismatch.message()).contains("only in its SAN", "8.5.100.25", "8.5.100.24");
    }

    @Test
    void aSanOnlyMatchHoldsFromTheClientsPack8510025AndWhenTheCnNamesTheHost() {
        EffectivePolicy modern = Scenario.simpleTls().clientPack("8.5.100.25").addClientApp("tls-target-name-check=host")
                .facts(sanOnly()).resolve();
        EffectivePolicy byCn = Scenario.simpleTls().clientPack("8.5.100.24").addClientApp("tls-target-name-check=host")
                .facts(new FakeCertificateFacts().add("/opt/certs/server.pem",
                        FakeCertificateFacts.sound("srv", "CN=cfg-host,O=Example"), "cfg-host")).resolve();

        assertThat(codes(modern)).doesNotContain(FindingCode.HOST_NAME_MISMATCH);
        assertThat(codes(byCn)).doesNotContain(FindingCode.HOST_NAME_MISMATCH);
    }

    @Test
    void theServerPackDoesNotDecideSanMatching() {
        EffectivePolicy policy = Scenario.simpleTls().serverPack("8.5.100.24").clientPack("8.5.100.25")
                .addClientApp("tls-target-name-check=host").facts(sanOnly()).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.HOST_NAME_MISMATCH);
    }

    @Test
    void tlsTargetNameIsIgnoredBeforeTheClientsPack8510023AndTheHostNameIsCheckedInstead() {
        FakeCertificateFacts facts = new FakeCertificateFacts().add("/opt/certs/server.pem",
                FakeCertificateFacts.sound("srv", "CN=cfg.example.com"), "cfg.example.com");
        EffectivePolicy old = Scenario.simpleTls().clientPack("8.5.100.22")
                .addClientApp("tls-target-name-check=host", "tls-target-name=cfg.example.com").facts(facts).resolve();
        EffectivePolicy current = Scenario.simpleTls().clientPack("8.5.100.23")
                .addClientApp("tls-target-name-check=host", "tls-target-name=cfg.example.com").facts(facts).resolve();

        assertThat(PolicyTesting.only(old, FindingCode.TARGET_NAME_NEEDS_PACK).fixAt().name()).isEqualTo("stat-host");
        assertThat(codes(old)).as("the client checks cfg-host, which the certificate does not name")
                .contains(FindingCode.HOST_NAME_MISMATCH);
        assertThat(codes(current)).doesNotContain(FindingCode.TARGET_NAME_NEEDS_PACK, FindingCode.HOST_NAME_MISMATCH);
    }

    @Test
    void tlsTargetNameWithoutTheHostCheckRaisesNothingAboutThePack() {
        EffectivePolicy policy = Scenario.simpleTls().clientPack("8.5.100.22").addClientApp("tls-target-name=cfg.example.com").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.TARGET_NAME_NEEDS_PACK);
    }
}
