package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Resolution shares work between connections (server side per port, client side per application and
 * connection options). Sharing must never show: each connection keeps its own provenance and findings.
 */
class SharingTests {

    private final PolicyResolver resolver = new PolicyResolver(new FakeLinkRules(), CertificateFacts.none());

    @Test
    void connectionsWithTheSameOptionsStillNameThemselvesInProvenanceAndFindings() {
        TestTopology t = new TestTopology();
        long server = t.app("confserv", "Configuration Server", t.unixHost("cfg-host", TestTopology.MODERN_PACK),
                PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA);
        long port = t.port(server, "default", ListeningMode.SECURE, "tls=1");
        long other = t.port(server, "backup", ListeningMode.SECURE, "tls=1");
        long client = t.app("statserv", "Stat Server", t.unixHost("stat-host", TestTopology.MODERN_PACK,
                "certificate=/c.pem", "certificate-key=/c.key", PolicyTesting.CA));
        String transport = "tls=1;client-auth=0;sec-protocol=TLSv12";
        long first = t.connection(client, port, transport);
        long second = t.connection(client, other, transport);
        TopologySnapshot snapshot = t.snapshot();

        List<EffectivePolicy> both = resolver.resolveAll(snapshot, SETTINGS);

        for (EffectivePolicy policy : both) {
            String name = snapshot.connectionRef(snapshot.indexOf(ObjectType.CONNECTION, policy.connectionId()).getAsInt()).name();
            ResolvedOption protocol = policy.clientSide().get(SecurityOption.SEC_PROTOCOL);
            assertThat(protocol.level()).isEqualTo(Level.CONNECTION);
            assertThat(protocol.source().orElseThrow().id()).isEqualTo(policy.connectionId());
            for (FindingCode code : List.of(FindingCode.ENCRYPTION_ONLY, FindingCode.SEC_PROTOCOL_LEVEL)) {
                Finding finding = PolicyTesting.only(policy, code);
                assertThat(finding.fixAt().id()).isEqualTo(policy.connectionId());
                assertThat(finding.message()).contains("connection '" + name + "'");
            }
        }
        assertThat(both).extracting(EffectivePolicy::connectionId).containsExactly(first, second);
    }

    @Test
    void bulkResolutionEqualsResolvingEachConnectionOnItsOwn() {
        TopologySnapshot snapshot = SyntheticTopology.generate(300, 6, 7L);
        List<EffectivePolicy> all = resolver.resolveAll(snapshot, SETTINGS);
        Random random = new Random(11L);

        for (int sample = 0; sample < 300; sample++) {
            int index = random.nextInt(all.size());
            EffectivePolicy alone = resolver.resolve(snapshot, all.get(index).connectionId(), SETTINGS).orElseThrow();

            assertThat(alone).as("connection %d", alone.connectionId()).isEqualTo(all.get(index));
        }
    }

    @Test
    void thePlaceholderOfSharedProfilesNeverLeaks() {
        TopologySnapshot snapshot = SyntheticTopology.generate(400, 8, 3L);

        List<EffectivePolicy> all = resolver.resolveAll(snapshot, SETTINGS);

        assertThat(all).allSatisfy(policy -> {
            assertThat(policy.findings()).allSatisfy(finding -> {
                assertThat(finding.message()).doesNotContain("\u0001");
                assertThat(finding.fixAt().id()).isNotEqualTo(Long.MIN_VALUE);
            });
            assertThat(policy.clientSide().options()).allSatisfy(option ->
                    assertThat(option.source().map(ref -> ref.id())).isNotEqualTo(java.util.Optional.of(Long.MIN_VALUE)));
        });
        assertThat(all.stream().filter(p -> p.clientSide().get(SecurityOption.SEC_PROTOCOL).level() == Level.CONNECTION))
                .as("the synthetic topology exercises connection-level options").hasSizeGreaterThan(50);
    }
}
