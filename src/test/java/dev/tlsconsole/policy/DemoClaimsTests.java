package dev.tlsconsole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 item 9: what {@code demo/README.md} says about the demo's connections is kept as a
 * machine-readable list ({@code demo/claims.json}: connection, finding codes it must and must not
 * raise) and checked here against the engine over {@code demo/topology.json}. Certificate content is
 * not known to the pure engine, so the claims are about configuration findings only.
 */
class DemoClaimsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyClaimOfTheDemoReadmeHoldsInTheEngine() throws IOException {
        JsonNode topology = read("/demo/topology.json");
        Demo demo = Demo.of(topology);
        JsonNode claims = read("/demo/claims.json");
        assertThat(claims.size()).isGreaterThanOrEqualTo(10);
        List<String> broken = new ArrayList<>();
        for (JsonNode claim : claims) {
            String name = claim.get("connection").asString();
            Long id = demo.connections.get(name);
            assertThat(id).as("claim names connection '%s' of the demo", name).isNotNull();
            EffectivePolicy policy = new PolicyResolver(new FakeLinkRules(), CertificateFacts.none())
                    .resolve(demo.snapshot, id, PolicyTesting.SETTINGS).orElseThrow();
            Set<String> codes = policy.findings().stream().map(Finding::code).map(Enum::name).collect(Collectors.toSet());
            for (JsonNode code : claim.path("raises")) {
                if (!codes.contains(code.asString())) {
                    broken.add(name + " should raise " + code.asString() + " but raises " + codes);
                }
            }
            for (JsonNode code : claim.path("doesNotRaise")) {
                if (codes.contains(code.asString())) {
                    broken.add(name + " should not raise " + code.asString());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Issue 12 item 8 on the demo: every finding of every demo connection that carries a suggested change is gone
     * from that connection once the change is staged (as {@code POST /preview} stages it).
     */
    @Test
    void everySuggestedChangeOfTheDemoClearsItsFinding() throws IOException {
        Demo demo = Demo.of(read("/demo/topology.json"));
        PolicyResolver resolver = new PolicyResolver(new FakeLinkRules(), CertificateFacts.none());
        List<String> broken = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, Long> connection : demo.connections.entrySet()) {
            EffectivePolicy policy = resolver.resolve(demo.snapshot, connection.getValue(), PolicyTesting.SETTINGS).orElseThrow();
            for (Finding finding : policy.findings()) {
                if (finding.suggestedChange().isEmpty()) {
                    continue;
                }
                tried++;
                EffectivePolicy after = resolver.resolve(demo.snapshot.withChanges(List.of(finding.suggestedChange().get().staged())),
                        connection.getValue(), PolicyTesting.SETTINGS).orElseThrow();
                if (after.findings().stream().anyMatch(f -> f.code() == finding.code() && f.side() == finding.side()
                        && f.message().equals(finding.message()))) {
                    broken.add(connection.getKey() + ": " + finding.code() + " stays after " + finding.suggestedChange().get());
                }
            }
        }
        assertThat(tried).isPositive();
        assertThat(broken).isEmpty();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = DemoClaimsTests.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    /** The demo document as an engine snapshot, with connections named "client → server:portId". */
    private record Demo(TopologySnapshot snapshot, Map<String, Long> connections) {

        static Demo of(JsonNode document) {
            long[] next = {1};
            Map<String, Long> hostIds = new HashMap<>();
            List<HostSnapshot> hosts = new ArrayList<>();
            for (JsonNode h : document.get("hosts")) {
                long id = next[0]++;
                hostIds.put(h.get("name").asString(), id);
                hosts.add(new HostSnapshot(id, h.get("name").asString(), h.get("ipAddress").asString(),
                        OsType.valueOf(h.get("osType").asString()), text(h, "securityPackVersion"), section(h.get("security")),
                        text(h, "osVersion")));
            }
            Map<String, Long> appIds = new HashMap<>();
            for (JsonNode a : document.get("applications")) {
                appIds.put(a.get("name").asString(), next[0]++);
            }
            List<ApplicationSnapshot> applications = new ArrayList<>();
            List<Port> ports = new ArrayList<>();
            Map<String, Long> portIds = new HashMap<>();
            for (JsonNode a : document.get("applications")) {
                String name = a.get("name").asString();
                String backup = text(a, "backup");
                applications.add(new ApplicationSnapshot(appIds.get(name), name, a.get("componentType").asString(),
                        a.get("componentVersion").asString(), hostIds.get(a.get("host").asString()),
                        backup == null ? null : appIds.get(backup), section(a.get("security")), section(a.get("annex"))));
                for (JsonNode p : a.get("ports")) {
                    long id = next[0]++;
                    portIds.put(name + ":" + p.get("portId").asString(), id);
                    ports.add(new Port(id, appIds.get(name), p.get("portId").asString(), p.get("number").asInt(),
                            ListeningMode.valueOf(p.get("listeningMode").asString()), p.get("transport").asString()));
                }
            }
            List<ConnectionSnapshot> connections = new ArrayList<>();
            Map<String, Long> names = new LinkedHashMap<>();
            for (JsonNode c : document.get("connections")) {
                long id = next[0]++;
                String port = c.get("server").asString() + ":" + c.get("portId").asString();
                connections.add(new ConnectionSnapshot(id, appIds.get(c.get("client").asString()), portIds.get(port),
                        c.get("transport").asString()));
                names.put(c.get("client").asString() + " → " + port, id);
            }
            return new Demo(TopologySnapshot.of(hosts, applications, ports, connections), names);
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        private static Map<String, String> section(JsonNode node) {
            Map<String, String> section = new LinkedHashMap<>();
            if (node != null && !node.isNull()) {
                node.properties().forEach(e -> section.put(e.getKey(), e.getValue().asString()));
            }
            return section;
        }
    }
}
