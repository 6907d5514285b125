package dev.tlsconsole.policy.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsconsole.policy.TestTopology;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologySnapshotTests {

    private TestTopology t;
    private long hostA;
    private long hostB;
    private long confserv;
    private long statserv;
    private long msgserv;
    private long ixnserv;
    private long cfgPort;
    private long msgPort;
    private long c1;
    private long c2;
    private long c3;
    private long c4;

    /** confserv on A; statserv and msgserv on B; ixnserv on its own host. */
    @BeforeEach
    void topology() {
        t = new TestTopology();
        hostA = t.unixHost("host-a", TestTopology.MODERN_PACK, "sec-protocol=TLSv12");
        hostB = t.windowsHost("host-b");
        long hostC = t.unixHost("host-c", "8.5.1");
        confserv = t.app("confserv", "Configuration Server", hostA, "tls-mutual=1");
        statserv = t.app("statserv", "Stat Server", hostB);
        msgserv = t.app("msgserv", "Message Server", hostB);
        ixnserv = t.app("ixnserv", "Interaction Server", hostC);
        cfgPort = t.port(confserv, "default", ListeningMode.SECURE, "tls=1;tls-mutal=1;port=2020");
        msgPort = t.port(msgserv, "default", ListeningMode.UNSECURED, "tls =1");
        c1 = t.connection(statserv, cfgPort, "tls=1");
        c2 = t.connection(ixnserv, cfgPort, "tls=1;tls-mutual=1");
        c3 = t.connection(ixnserv, msgPort, "");
        c4 = t.connection(statserv, msgPort, "");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"HOST, hostA, c1 c2", "HOST, hostB, c1 c3 c4", "APPLICATION, statserv, c1 c4", "APPLICATION, msgserv, c3 c4",
            "APPLICATION, confserv, c1 c2", "PORT, cfgPort, c1 c2", "PORT, msgPort, c3 c4", "CONNECTION, c3, c3"})
    void findsTheConnectionsReachableFromAnObject(ObjectType type, String object, String expected) {
        TopologySnapshot snapshot = t.snapshot();

        int[] reachable = snapshot.reachableConnections(type, id(object));

        assertThat(Arrays.stream(reachable).mapToLong(i -> snapshot.connection(i).id()).boxed().toList())
                .containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(this::id).toList());
    }

    @Test
    void anUnknownObjectReachesNothing() {
        assertThat(t.snapshot().reachableConnections(ObjectType.HOST, 9999)).isEmpty();
        assertThat(t.snapshot().indexOf(ObjectType.PORT, c1)).as("ids of another kind do not match").isEmpty();
    }

    @Test
    void parsesEachTransportOnceKeepingErrorsAndClassifyingKeys() {
        TopologySnapshot snapshot = t.snapshot();

        ParsedTransport cfg = snapshot.portTransport(snapshot.indexOf(ObjectType.PORT, cfgPort).getAsInt());
        ParsedTransport msg = snapshot.portTransport(snapshot.indexOf(ObjectType.PORT, msgPort).getAsInt());
        ParsedTransport mutualOnConnection = snapshot.connectionTransport(snapshot.indexOf(ObjectType.CONNECTION, c2).getAsInt());

        assertThat(cfg.options()).containsExactly(Map.entry("tls", "1"));
        assertThat(cfg.misspelt()).containsExactly("tls-mutal");
        assertThat(cfg.parameters().get("port")).contains("2020");
        assertThat(msg.error()).hasValueSatisfying(e -> assertThat(e.position()).isEqualTo(3));
        assertThat(msg.parameters().isEmpty()).isTrue();
        assertThat(mutualOnConnection.misplaced()).containsExactly(SecurityOption.TLS_MUTUAL);
        assertThat(mutualOnConnection.setsAtMostTls()).isTrue();
    }

    @Test
    void refusesDuplicateIdsAndDanglingReferences() {
        HostSnapshot host = new HostSnapshot(1, "h", "10.0.0.1", OsType.UNIX, null, Map.of());
        ApplicationSnapshot app = new ApplicationSnapshot(2, "a", "Stat Server", "8.5.1", 1, null, Map.of());
        Port port = new Port(3, 2, "default", 2020, ListeningMode.SECURE, "tls=1");

        assertThatThrownBy(() -> TopologySnapshot.of(List.of(host, host), List.of(), List.of(), List.of()))
                .hasMessage("two hosts have id 1");
        assertThatThrownBy(() -> TopologySnapshot.of(List.of(), List.of(app), List.of(), List.of()))
                .hasMessage("application 'a' runs on host 1, which is not in the snapshot");
        assertThatThrownBy(() -> TopologySnapshot.of(List.of(host), List.of(app), List.of(port), List.of(new ConnectionSnapshot(4, 2, 99, ""))))
                .hasMessage("connection 4 targets port 99, which is not in the snapshot");
        assertThatThrownBy(() -> TopologySnapshot.of(List.of(host), List.of(new ApplicationSnapshot(2, "a", "x", "1", 1, 77L, Map.of())), List.of(), List.of()))
                .hasMessage("application 'a' has backup application 77, which is not in the snapshot");
    }

    @Test
    void recordsKeepSectionsInOrderAndImmutable() {
        Map<String, String> section = new LinkedHashMap<>();
        section.put("tls-crl", "/c.crl");
        section.put("certificate", "/c.pem");
        section.put("sec-protocol", "TLSv12");
        HostSnapshot host = new HostSnapshot(1, "h", "10.0.0.1", OsType.UNIX, "  ", section);

        assertThat(host.securityPack()).isEmpty();
        assertThat(host.security().keySet()).containsExactly("tls-crl", "certificate", "sec-protocol");
        assertThatThrownBy(() -> host.security().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changesGoToANewSnapshotAndLeaveTheOriginalAlone() {
        TopologySnapshot original = t.snapshot();
        int cfg = original.indexOf(ObjectType.PORT, cfgPort).getAsInt();
        int a = original.indexOf(ObjectType.HOST, hostA).getAsInt();
        int ixn = original.indexOf(ObjectType.APPLICATION, ixnserv).getAsInt();
        Port portBefore = original.port(cfg);

        TopologySnapshot changed = original.withChanges(List.of(
                new StagedChange(ObjectType.PORT, cfgPort, Map.of("tls", "0", "sec-protocol", "TLSv13"), Set.of("port")),
                new StagedChange(ObjectType.HOST, hostA, Map.of("tls-crl", "/crl.pem"), Set.of("sec-protocol")),
                StagedChange.set(ObjectType.APPLICATION, ixnserv, Map.of("custom-key", "kept as data"))));

        assertThat(changed.port(cfg).transport()).isEqualTo("tls=0;tls-mutal=1;sec-protocol=TLSv13");
        assertThat(changed.portTransport(cfg).options()).containsEntry("sec-protocol", "TLSv13");
        assertThat(changed.host(a).security()).containsExactly(Map.entry("tls-crl", "/crl.pem"));
        assertThat(changed.application(ixn).security()).containsEntry("custom-key", "kept as data");
        assertThat(original.port(cfg)).isSameAs(portBefore);
        assertThat(original.portTransport(cfg).raw()).isEqualTo("tls=1;tls-mutal=1;port=2020");
        assertThat(original.host(a).security()).containsExactly(Map.entry("sec-protocol", "TLSv12"));
        assertThat(original.application(ixn).security()).isEmpty();
        assertThat(changed.connection(0)).isSameAs(original.connection(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown target            | HOST       | 9999    | tls-crl=/x   |      | there is no host with id 9999
            invalid value             | HOST       | hostA   | tls-mutual=2 |      | host 'host-a': tls-mutual must be 0 or 1, not '2'
            option at the wrong level | PORT       | cfgPort | client-auth=0 |     | client-auth cannot be set on a port transport
            value with ';'            | CONNECTION | c1      | certificate=/a;b |  | connection
            value a transport refuses | CONNECTION | c1      | cipher-list= HIGH |  | must not start or end with a space
            transport does not parse  | PORT       | msgPort | tls=1        |      | the transport of port 'msgserv:default' does not parse (position 3: space before '=')
            set and unset at once     | PORT       | cfgPort | tls=1        | tls  | option 'tls' is both set and unset in one change
            """)
    void refusesChangesThatCouldNotBeSaved(String situation, ObjectType type, String target, String set, String unset, String message) {
        TopologySnapshot snapshot = t.snapshot();
        int eq = set.indexOf('=');
        Map<String, String> sets = Map.of(set.substring(0, eq), set.substring(eq + 1));

        assertThatThrownBy(() -> snapshot.withChanges(List.of(new StagedChange(type, id(target), sets,
                unset == null ? Set.of() : Set.of(unset)))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void onlyPortsAndConnectionsHaveTransports() {
        assertThatThrownBy(() -> ParsedTransport.of("tls=1", Level.HOST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParsedTransport.of("", Level.APPLICATION)).isInstanceOf(IllegalArgumentException.class);
    }

    private long id(String name) {
        return switch (name) {
            case "hostA" -> hostA;
            case "hostB" -> hostB;
            case "confserv" -> confserv;
            case "statserv" -> statserv;
            case "msgserv" -> msgserv;
            case "ixnserv" -> ixnserv;
            case "cfgPort" -> cfgPort;
            case "msgPort" -> msgPort;
            case "c1" -> c1;
            case "c2" -> c2;
            case "c3" -> c3;
            case "c4" -> c4;
            default -> Long.parseLong(name);
        };
    }
}
