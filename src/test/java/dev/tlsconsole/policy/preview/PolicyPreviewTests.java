package dev.tlsconsole.policy.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.FakeLinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicyTesting;
import dev.tlsconsole.policy.TestTopology;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.InvalidChangeException;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyPreviewTests {

    private final PolicyResolver resolver = new PolicyResolver(new FakeLinkRules(), CertificateFacts.none());
    private final PolicyPreview preview = new PolicyPreview(resolver);
    private TopologySnapshot snapshot;
    private long cfgHost;
    private long statHost;
    private long confserv;
    private long msgPort;
    private long c1;
    private long c2;
    private long c3;
    private long c4;

    /**
     * confserv on cfg-host; statserv (client) and msgserv (server) on stat-host; ixnserv (client) on
     * ixn-host. c1 statserv→confserv, c2 ixnserv→confserv, c3 ixnserv→msgserv, c4 statserv→msgserv.
     */
    @BeforeEach
    void topology() {
        TestTopology t = new TestTopology();
        cfgHost = t.unixHost("cfg-host", TestTopology.MODERN_PACK);
        statHost = t.unixHost("stat-host", TestTopology.MODERN_PACK, PolicyTesting.CA);
        long ixnHost = t.unixHost("ixn-host", TestTopology.MODERN_PACK, PolicyTesting.CA);
        confserv = t.app("confserv", "Configuration Server", cfgHost, PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA);
        long statserv = t.app("statserv", "Stat Server", statHost);
        long msgserv = t.app("msgserv", "Message Server", statHost, PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA);
        long ixnserv = t.app("ixnserv", "Interaction Server", ixnHost);
        long cfgPort = t.port(confserv, "default", ListeningMode.SECURE, "tls=1");
        msgPort = t.port(msgserv, "default", ListeningMode.SECURE, "tls=1");
        c1 = t.connection(statserv, cfgPort, "tls=1");
        c2 = t.connection(ixnserv, cfgPort, "tls=1");
        c3 = t.connection(ixnserv, msgPort, "tls=1");
        c4 = t.connection(statserv, msgPort, "");
        snapshot = t.snapshot();
    }

    @Test
    void aHostChangeRecomputesConnectionsOnEitherEndOfItAndListsOnlyThoseThatChange() {
        PreviewResult result = preview(StagedChange.set(ObjectType.HOST, statHost, Map.of("client-auth", "0")));

        assertThat(result.impacted()).as("c1 (client on it), c3 (server on it), c4 (both)").isEqualTo(3);
        assertThat(result.changed()).extracting(PreviewResult.ConnectionChange::connectionId).containsExactly(c1, c4);
        PreviewResult.ConnectionChange c1Change = result.changed().get(0);
        assertThat(c1Change.before()).isEqualTo(new PolicySummary(Mode.SIMPLE_TLS, java.util.Optional.of(TlsVersion.TLSv13), Grade.A,
                List.of(FindingCode.CERT_CONTENT_UNCHECKED)));
        assertThat(c1Change.after()).isEqualTo(new PolicySummary(Mode.ENCRYPTION_ONLY, java.util.Optional.of(TlsVersion.TLSv13), Grade.C,
                List.of(FindingCode.ENCRYPTION_ONLY, FindingCode.CERT_CONTENT_UNCHECKED)));
    }

    @Test
    void anApplicationChangeRecomputesItsConnectionsAsClientOrServer() {
        PreviewResult result = preview(StagedChange.set(ObjectType.APPLICATION, confserv, Map.of("tls-mutual", "1")));

        assertThat(result.impacted()).isEqualTo(2);
        assertThat(result.changed()).extracting(PreviewResult.ConnectionChange::connectionId).containsExactly(c1, c2);
        assertThat(result.changed()).allSatisfy(change -> {
            assertThat(change.after().mode()).isEqualTo(Mode.MUTUAL_TLS);
            assertThat(change.after().grade()).isEqualTo(Grade.F);
            assertThat(change.after().findings()).contains(FindingCode.CLIENT_CERT_MISSING);
        });
    }

    @Test
    void aPortChangeEditsItsTransportAndRecomputesTheConnectionsToIt() {
        PreviewResult result = preview(StagedChange.unset(ObjectType.PORT, msgPort, Set.of("tls")));

        assertThat(result.impacted()).isEqualTo(2);
        assertThat(result.changed()).extracting(PreviewResult.ConnectionChange::connectionId).containsExactly(c3, c4);
        assertThat(result.changed()).allSatisfy(change -> {
            assertThat(change.after().mode()).isEqualTo(Mode.PLAINTEXT);
            assertThat(change.after().protocol()).isEmpty();
            assertThat(change.after().findings()).contains(FindingCode.TLS_NOT_ON_PORT);
        });
    }

    @Test
    void aConnectionChangeRecomputesOnlyThatConnection() {
        PreviewResult result = preview(StagedChange.set(ObjectType.CONNECTION, c2, Map.of("sec-protocol", "TLSv12")));

        assertThat(result.impacted()).isEqualTo(1);
        assertThat(result.changed()).singleElement().satisfies(change -> {
            assertThat(change.connectionId()).isEqualTo(c2);
            assertThat(change.before().protocol()).contains(TlsVersion.TLSv13);
            assertThat(change.after().protocol()).contains(TlsVersion.TLSv12);
            assertThat(change.after().grade()).isEqualTo(change.before().grade());
        });
    }

    @Test
    void aChangeWithNoVisibleEffectImpactsButChangesNothing() {
        PreviewResult result = preview(StagedChange.set(ObjectType.HOST, cfgHost, Map.of("cipher-list", "HIGH")));

        assertThat(result.impacted()).isEqualTo(2);
        assertThat(result.changed()).isEmpty();
    }

    @Test
    void severalChangesImpactTheUnionOfWhatEachReaches() {
        PreviewResult result = preview(
                StagedChange.set(ObjectType.APPLICATION, confserv, Map.of("cipher-list", "HIGH")),
                StagedChange.set(ObjectType.CONNECTION, c1, Map.of("client-auth", "0")),
                StagedChange.set(ObjectType.PORT, msgPort, Map.of("cipher-list", "HIGH")));

        assertThat(result.impacted()).isEqualTo(4);
        assertThat(result.changed()).extracting(PreviewResult.ConnectionChange::connectionId).containsExactly(c1);
    }

    @Test
    void theOriginalSnapshotIsNeverModified() {
        List<PolicySummary> before = resolver.resolveAll(snapshot, PolicyTesting.SETTINGS).stream().map(EffectivePolicy::summary).toList();
        String msgTransport = snapshot.port(snapshot.indexOf(ObjectType.PORT, msgPort).getAsInt()).transport();

        preview(StagedChange.unset(ObjectType.PORT, msgPort, Set.of("tls")),
                StagedChange.set(ObjectType.HOST, statHost, Map.of("client-auth", "0")),
                StagedChange.set(ObjectType.APPLICATION, confserv, Map.of("tls-mutual", "1")));

        assertThat(resolver.resolveAll(snapshot, PolicyTesting.SETTINGS).stream().map(EffectivePolicy::summary).toList())
                .isEqualTo(before);
        assertThat(snapshot.port(snapshot.indexOf(ObjectType.PORT, msgPort).getAsInt()).transport()).isEqualTo(msgTransport);
        assertThat(snapshot.host(snapshot.indexOf(ObjectType.HOST, statHost).getAsInt()).security()).doesNotContainKey("client-auth");
    }

    @Test
    void aChangeThatCouldNotBeSavedIsRefusedWithAUserMessage() {
        assertThatThrownBy(() -> preview(StagedChange.set(ObjectType.APPLICATION, confserv, Map.of("tls-mutual", "yes"))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("application 'confserv': tls-mutual must be 0 or 1, not 'yes'");
        assertThatThrownBy(() -> preview(StagedChange.set(ObjectType.CONNECTION, 424242, Map.of("tls", "1"))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("there is no connection with id 424242");
    }

    private PreviewResult preview(StagedChange... changes) {
        return preview.preview(snapshot, List.of(changes), PolicyTesting.SETTINGS);
    }
}
