package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.certificates.CertificateFixtures;
import dev.tlsconsole.certificates.assignment.DemoCertificatesFixture;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.resolution.SnapshotBuilder;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.EmptyTopology;
import dev.tlsconsole.topology.TopologyApi;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.bulk.TopologyDocument;
import dev.tlsconsole.topology.bulk.TopologyImport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan of an archive that brings certificates and CRLs judges every connection with them as the
 * apply adds them: for every connection, the plan's before is what the console shows before the import
 * and its after what it shows once the import is applied (a connection the plan does not list does not
 * change). A dry run of such an archive writes nothing — no certificate, CRL, deployed path or audit entry.
 */
@ConsoleTest
class ArchiveCertificateImpactTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TopologyImport jsonImport;
    @Autowired
    TopologyReader reader;
    @Autowired
    PolicySettings settings;
    @Autowired
    ResourceLoader resources;
    @Autowired
    ApplicationContext context;
    @Autowired
    InventoryFacts inventoryFacts;
    @Autowired
    LinkRules linkRules;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theDemoArchiveComingBackToAConsoleWithoutItsCertificatesShowsWhatTheyChangeBeforeTheApply() {
        forgettingRolledBackCertificates(() -> new EmptyTopology(transactionManager, jdbc).run(() -> {
            try {
                TopologyDocument demo;
                try (InputStream in = resources.getResource("classpath:demo/topology.json").getInputStream()) {
                    demo = mapper.readValue(in, TopologyDocument.class);
                }
                jsonImport.importDocument(demo);
                DemoCertificatesFixture.seed(context);
                Map<Long, ImportPlan.State> original = states();
                byte[] zip = api.asAdmin(get("/api/v1/exports/genesys")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsByteArray();

                // the same topology, but the inventory lost the demo CA, its CRL and the certificates it issued
                DemoCertificatesFixture.forget(jdbc);
                Map<Long, ImportPlan.State> stripped = states();
                assertThat(stripped).isNotEqualTo(original);

                JsonNode plan = importing(zip, "false");
                // the topology is the same: only the certificates change what the connections show
                assertThat(plan.get("create").size()).isZero();
                assertThat(plan.get("update").size()).isZero();
                assertThat(plan.get("inventory").findValuesAsString("action")).containsOnly("ADD");
                Map<Long, ImportPlan.State> applied = states();
                assertThat(applied).isEqualTo(original);
                assertThat(plan.get("impact").get("impacted").asInt()).isEqualTo(original.size());
                thePlanShowsWhatTheApplyDid(plan, stripped, applied);

                Map<Long, Change> changes = changes(plan);
                // fixed: certificates the console could not check are known again
                assertThat(changes.values()).anyMatch(c -> c.before().findings().contains("CERT_CONTENT_UNCHECKED")
                        && !c.after().findings().contains("CERT_CONTENT_UNCHECKED"));
                // broken: the CRL that came with them revokes a certificate in use, another expires soon
                assertThat(changes.values()).anyMatch(c -> c.after().findings().contains("CERT_REVOKED")
                        && !c.before().findings().contains("CERT_REVOKED"));
                assertThat(changes.values()).anyMatch(c -> c.after().findings().contains("CERT_EXPIRING")
                        && !c.before().findings().contains("CERT_EXPIRING"));
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void aCertificateAndACrlInTheArchiveShowTheirEffectInADryRunThatWritesNothingAndTheApplyDoesThat() throws Exception {
        CertificatePair pair = certificatePair();
        long connection = pair.connection();
        byte[] zip = pair.zip();

        TopologyApi.Counts topology = api.counts();
        Map<String, Long> inventory = inventoryCounts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        JsonNode dry = importing(zip, "true");
        assertThat(api.counts()).isEqualTo(topology);
        assertThat(inventoryCounts()).isEqualTo(inventory);
        assertThat(jdbc.queryForObject("select max(id) from audit_entry", Long.class)).isEqualTo(auditBefore);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("inventory").findValuesAsString("type")).containsExactlyInAnyOrder("CERTIFICATE", "CRL");
        Change planned = changes(dry).get(connection);
        assertThat(planned).as("the plan lists the connection whose server certificate the archive brings").isNotNull();
        assertThat(planned.before().findings()).contains("CERT_CONTENT_UNCHECKED");
        assertThat(planned.after().findings()).doesNotContain("CERT_CONTENT_UNCHECKED")
                .anyMatch(code -> code.startsWith("CERT_REVOKED"));

        // applied (and rolled back, so the shared inventory stays as other tests expect it)
        forgettingRolledBackCertificates(() -> new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            try {
                Map<Long, ImportPlan.State> before = states();
                JsonNode applied = importing(zip, "false");
                assertThat(applied.get("impact")).isEqualTo(dry.get("impact"));
                assertThat(applied.get("impact").get("impacted").asInt()).isEqualTo(before.size());
                thePlanShowsWhatTheApplyDid(applied, before, states());
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /**
     * A host whose certificate path the console knows nothing of (its content cannot be checked), with a
     * connection to a server on it; and an archive bringing that certificate, deployed at that path, and a
     * CRL revoking it.
     */
    private CertificatePair certificatePair() throws Exception {
        String host = TopologyApi.unique("gx-cert");
        api.host(host, "{\"certificate\":\"/opt/genesys/certs/" + host + ".pem\",\"certificate-key\":\"/opt/genesys/certs/"
                + host + ".key\",\"trusted-ca\":\"/opt/genesys/certs/" + host + "-ca.pem\"}");
        String server = TopologyApi.unique("gx-cert-cs");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},\"ports\":[{\"portId\":\"default\","
                + "\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1\"}]}");
        String client = TopologyApi.unique("gx-cert-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");
        byte[] zip = GenesysInterchangeTests.zip(Map.of(
                "certificates/" + host + ".pem", "# Certificate: " + host + "\n# Deployed at: /opt/genesys/certs/" + host
                        + ".pem (CERTIFICATE)\n" + CertificateFixtures.text("rsa-chain.pem"),
                "crls/Fixture_Intermediate_CA.crl", CertificateFixtures.text("intermediate.crl.pem")));
        return new CertificatePair(client, server, connection, zip);
    }

    record CertificatePair(String client, String server, long connection, byte[] zip) {
    }

    @Test
    void theImportPageListsTheConnectionsTheArchivesCertificatesChangeWithTheOthers() throws Exception {
        CertificatePair pair = certificatePair();
        Map<String, Long> inventory = inventoryCounts();
        MockHttpSession session = new MockHttpSession();
        var operator = SecurityMockMvcRequestPostProcessors.user("cert-impact-operator").roles("OPERATOR");
        JsonNode job = mapper.readTree(mvc.perform(multipart("/imports/jobs").file(new MockMultipartFile("file", "certs.zip",
                "application/zip", pair.zip())).session(session).with(operator).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> mapper.readTree(
                mvc.perform(get(job.get("status").asString()).session(session).with(operator)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString()).get("finished").asBoolean());
        Document page = Jsoup.parse(mvc.perform(get(job.get("result").asString()).session(session).with(operator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[data-testid=impact-with-certificates]")).hasSize(1);
        Element row = page.select("[data-testid=impact-row]").stream()
                .filter(r -> r.text().contains(pair.client() + " → " + pair.server() + ":default")).findFirst().orElseThrow();
        assertThat(row.selectFirst("[data-testid=impact-before]").text()).contains("CERT_CONTENT_UNCHECKED");
        assertThat(row.selectFirst("[data-testid=impact-after]").text()).doesNotContain("CERT_CONTENT_UNCHECKED")
                .contains("CERT_REVOKED");
        // only a plan: nothing joined the inventory
        assertThat(inventoryCounts()).isEqualTo(inventory);
    }

    private Map<String, Long> inventoryCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("certificate", "certificate_chain_element", "certificate_deployment", "crl", "crl_entry")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("certificates revision", jdbc.queryForObject(
                "select revision from policy_input_revision where subject = 'CERTIFICATES'", Long.class));
        return counts;
    }

    /** Runs {@code work} (which rolls back), then moves the certificates revision past every number it may have used. */
    private void forgettingRolledBackCertificates(Supplier<Object> work) {
        try {
            work.get();
        } finally {
            DemoCertificatesFixture.forgetRolledBackRevisions(transactionManager, jdbc);
        }
    }

    /** For every connection: listed by the plan with the before and after it showed, or not listed and unchanged. */
    private void thePlanShowsWhatTheApplyDid(JsonNode plan, Map<Long, ImportPlan.State> before, Map<Long, ImportPlan.State> after) {
        Map<Long, Change> changes = changes(plan);
        assertThat(changes).isNotEmpty();
        assertThat(before.keySet()).containsAll(changes.keySet());
        for (Map.Entry<Long, ImportPlan.State> connection : before.entrySet()) {
            Change change = changes.get(connection.getKey());
            ImportPlan.State applied = after.get(connection.getKey());
            if (change == null) {
                assertThat(applied).as("connection %s, not in the plan", connection.getKey()).isEqualTo(connection.getValue());
            } else {
                assertThat(change.before()).as("connection %s before", connection.getKey()).isEqualTo(connection.getValue());
                assertThat(change.after()).as("connection %s after", connection.getKey()).isEqualTo(applied);
                assertThat(change.after()).isNotEqualTo(change.before());
            }
        }
    }

    record Change(ImportPlan.State before, ImportPlan.State after) {
    }

    private Map<Long, Change> changes(JsonNode plan) {
        Map<Long, Change> changes = new HashMap<>();
        for (JsonNode change : plan.get("impact").get("changed")) {
            changes.put(change.get("connectionId").asLong(), new Change(state(change.get("before")), state(change.get("after"))));
        }
        return changes;
    }

    private ImportPlan.State state(JsonNode node) {
        return mapper.treeToValue(node, ImportPlan.State.class);
    }

    /** Every connection's mode, protocol, grade and findings, judged with the inventory as this transaction sees it. */
    private Map<Long, ImportPlan.State> states() {
        PolicySettings frozen = new PolicySettings(Clock.fixed(settings.clock().instant(), settings.clock().getZone()),
                settings.expiryWarning(), settings.windowsMinimum(), settings.windowsMaximum());
        Map<Long, ImportPlan.State> states = new TreeMap<>();
        List<EffectivePolicy> policies = new PolicyResolver(linkRules, inventoryFacts.snapshot())
                .resolveAll(SnapshotBuilder.snapshot(reader.readAll()), frozen);
        for (EffectivePolicy policy : policies) {
            PolicySummary summary = policy.summary();
            states.put(policy.connectionId(), new ImportPlan.State(summary.mode().name(),
                    summary.protocol().map(Enum::name).orElse(null), summary.grade().label(),
                    summary.findings().stream().map(Enum::name).toList()));
        }
        return states;
    }

    private JsonNode importing(byte[] zip, String dryRun) throws Exception {
        return mapper.readTree(mvc.perform(GenesysInterchangeTests.upload(zip, "archive.zip").param("dryRun", dryRun)
                .with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
