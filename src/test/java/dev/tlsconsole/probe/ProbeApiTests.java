package dev.tlsconsole.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.x509.CaSpec;
import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.CertificateIds;
import dev.tlsconsole.certificates.x509.CertificateUsage;
import dev.tlsconsole.certificates.x509.EndEntitySpec;
import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.IssuingCa;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.certificates.x509.PemExporter;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * {@code POST /api/v1/probes} against real servers on 127.0.0.1 — plain TCP, JSSE server sockets and
 * {@code openssl s_server} — each declared in the topology the way an administrator would, so every
 * observation and every drift finding is what the console would report about a real process.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeApiTests {

    private static final List<String> TLS12 = List.of("TLSv1.2");
    private static final List<String> TLS12_13 = List.of("TLSv1.2", "TLSv1.3");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    TopologyApi api;
    IssuedCertificate ca;
    IssuedCertificate declared;
    IssuedCertificate other;
    IssuedCertificate expired;
    IssuedCertificate untrusted;
    String serverHost;
    String client;

    @BeforeAll
    void pkiAndTopology() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        CertificateAuthorityOperations operations = new CertificateAuthorityOperations(new SecureRandom());
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(500));
        ca = operations.createRootCa(new CaSpec("CN=" + TopologyApi.unique("Probe CA"), KeyAlgorithm.EC_P256, 3650), longAgo);
        IssuedCertificate strangerCa = operations.createRootCa(new CaSpec("CN=" + TopologyApi.unique("Stranger CA"),
                KeyAlgorithm.EC_P256, 3650), longAgo);
        serverHost = TopologyApi.unique("probe-shost");
        IssuingCa issuer = new IssuingCa(ca.certificate(), ca.privateKey());
        declared = operations.issue(leaf(365), issuer, now);
        other = operations.issue(leaf(365), issuer, now);
        expired = operations.issue(leaf(30), issuer, now.minus(Duration.ofDays(400)));
        untrusted = operations.issue(leaf(365), new IssuingCa(strangerCa.certificate(), strangerCa.privateKey()), now);
        importCertificate(ca.certificate());
        importCertificate(declared.certificate());

        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + serverHost + "\",\"ipAddress\":\"127.0.0.1\",\"osType\":\"UNIX\","
                + "\"securityPackVersion\":\"8.5.100.25\",\"security\":{}}").andExpect(status().isCreated());
        String clientHost = TopologyApi.unique("probe-chost");
        api.host(clientHost, "{}");
        client = TopologyApi.unique("probe-client");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{\"trusted-ca\":\"" + thumbprint(ca.certificate())
                + "\",\"certificate\":\"/opt/certs/client.pem\",\"certificate-key\":\"/opt/certs/client.key\"},\"ports\":[]}");
    }

    @Test
    void aPortDeclaredSecureThatAnswersPlainTcp() throws Exception {
        try (TestPorts.Server server = TestPorts.plainTcp()) {
            Probed probed = probe(server, "{}", "SECURE");

            assertThat(probed.json.read("$.reachable", Boolean.class)).isTrue();
            assertThat(probed.json.read("$.tls", Boolean.class)).isFalse();
            assertThat(probed.json.read("$.protocols", List.class)).isEmpty();
            assertThat(probed.codes()).containsExactly("OBSERVED_PLAIN_ON_TLS_PORT");
            assertThat(observed(probed.connection)).containsExactly("OBSERVED_PLAIN_ON_TLS_PORT");
        }
    }

    /**
     * The effective policy answers the latest probe from memory; a probe another console instance saved in
     * the shared database (here: a newer row written directly, with nothing observed) is seen within
     * {@link LatestProbes#RECHECK_AFTER}, and a probe of a different port changes nothing here.
     */
    @Test
    void aProbeSavedByAnotherInstanceReplacesTheObservationWithinAMoment() throws Exception {
        try (TestPorts.Server server = TestPorts.plainTcp()) {
            Probed probed = probe(server, "{}", "SECURE");
            assertThat(observed(probed.connection)).containsExactly("OBSERVED_PLAIN_ON_TLS_PORT");

            jdbc.update("insert into probe (application_id, application_name, port_id, host_name, address, port_number,"
                    + " probed_at, actor, reachable, tls, result) select application_id, application_name, 'other', host_name,"
                    + " address, port_number, probed_at, actor, reachable, tls, '{\"protocols\":[],\"cipher\":null,\"chain\":[],"
                    + "\"clientCertificateRequested\":false,\"acceptedIssuers\":[],\"findings\":[]}' from probe where application_name = ?", probed.application());
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(observed(probed.connection)).containsExactly("OBSERVED_PLAIN_ON_TLS_PORT"));

            jdbc.update("insert into probe (application_id, application_name, port_id, host_name, address, port_number,"
                    + " probed_at, actor, reachable, tls, result) select application_id, application_name, port_id, host_name,"
                    + " address, port_number, probed_at + interval '1' second, actor, true, true, '{\"protocols\":[\"TLSv12\"],"
                    + "\"cipher\":null,\"chain\":[],\"clientCertificateRequested\":false,\"acceptedIssuers\":[],\"findings\":[]}' from probe where application_name = ? and port_id = 'default'",
                    probed.application());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(observed(probed.connection)).isEmpty());
        }
    }

    @Test
    void aTls12OnlyServerPresentingTheDeclaredCertificateMatchesItsDeclaration() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(declared.certificate()), declared.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.json.read("$.tls", Boolean.class)).isTrue();
            assertThat(probed.json.read("$.protocols", List.class)).containsExactly("TLSv12");
            assertThat(probed.json.read("$.cipher", String.class)).startsWith("TLS_");
            assertThat(probed.json.read("$.chain[0].sha256Fingerprint", String.class))
                    .isEqualToIgnoringCase(CertificateIds.sha256Fingerprint(declared.certificate()));
            assertThat(probed.json.read("$.chain[0].subject", String.class)).contains(serverHost);
            assertThat(probed.json.read("$.clientCertificateRequested", Boolean.class)).isFalse();
            assertThat(probed.codes()).isEmpty();
            assertThat(observed(probed.connection)).isEmpty();
        }
    }

    @Test
    void aProtocolTheOptionsRefuseIsReported() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(declared.certificate()), declared.privateKey(), TLS12_13, null)) {
            Probed probed = probe(server, "{\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.json.read("$.protocols", List.class)).containsExactly("TLSv12", "TLSv13");
            assertThat(probed.codes()).containsExactly("OBSERVED_PROTOCOL_NOT_ALLOWED");
            assertThat(probed.message("OBSERVED_PROTOCOL_NOT_ALLOWED")).contains("TLSv13").contains("sec-protocol=TLSv12");
        }
    }

    @Test
    void tls10StillAcceptedIsReported() throws Exception {
        try (TestPorts.Server server = TestPorts.openssl(declared, List.of(declared.certificate()), dir,
                "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            Probed probed = probe(server, "{}", "SECURE");

            assertThat(probed.json.read("$.tls", Boolean.class)).isTrue();
            assertThat(probed.json.read("$.protocols", List.class)).containsExactly("TLSv1");
            assertThat(probed.codes()).contains("OBSERVED_PROTOCOL_NOT_ALLOWED");
            assertThat(probed.message("OBSERVED_PROTOCOL_NOT_ALLOWED")).contains("TLSv1");
        }
    }

    @Test
    void aServerThatRequiresAClientCertificateNamesTheCasItAccepts() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(declared.certificate()), declared.privateKey(), TLS12_13,
                ca.certificate())) {
            Probed probed = probe(server, "{\"tls-mutual\":\"1\"}", "SECURE");

            assertThat(probed.json.read("$.clientCertificateRequested", Boolean.class)).isTrue();
            assertThat(probed.json.read("$.acceptedIssuers", List.class))
                    .containsExactly(ca.certificate().getSubjectX500Principal().getName());
            assertThat(probed.json.read("$.protocols", List.class)).contains("TLSv12");
            assertThat(probed.codes()).doesNotContain("OBSERVED_CLIENT_CERT_NOT_REQUESTED");
        }
    }

    @Test
    void mutualDeclaredButNoClientCertificateRequested() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(declared.certificate()), declared.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{\"tls-mutual\":\"1\",\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.json.read("$.clientCertificateRequested", Boolean.class)).isFalse();
            assertThat(probed.codes()).containsExactly("OBSERVED_CLIENT_CERT_NOT_REQUESTED");
            assertThat(observed(probed.connection)).containsExactly("OBSERVED_CLIENT_CERT_NOT_REQUESTED");
            assertThat(observedGrade(probed.connection)).isEqualTo("F");
        }
    }

    @Test
    void opensslAskingForAClientCertificateIsSeenToo() throws Exception {
        Path caFile = java.nio.file.Files.writeString(dir.resolve("client-ca.pem"), PemExporter.certificates(List.of(ca.certificate())));
        try (TestPorts.Server server = TestPorts.openssl(declared, List.of(declared.certificate()), dir,
                "-Verify", "1", "-CAfile", caFile.toString())) {
            Probed probed = probe(server, "{\"tls-mutual\":\"1\"}", "SECURE");

            assertThat(probed.json.read("$.clientCertificateRequested", Boolean.class)).isTrue();
            assertThat(probed.json.read("$.acceptedIssuers", List.class))
                    .containsExactly(ca.certificate().getSubjectX500Principal().getName());
            assertThat(probed.codes()).doesNotContain("OBSERVED_CLIENT_CERT_NOT_REQUESTED");
        }
    }

    @Test
    void aCertificateOtherThanTheDeclaredOne() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(other.certificate()), other.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.codes()).containsExactly("OBSERVED_CERT_NOT_DECLARED");
            assertThat(probed.message("OBSERVED_CERT_NOT_DECLARED"))
                    .contains(CertificateIds.sha256Fingerprint(other.certificate()));
        }
    }

    @Test
    void anExpiredCertificate() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(expired.certificate()), expired.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.codes()).contains("OBSERVED_CERT_EXPIRED").doesNotContain("OBSERVED_UNTRUSTED_CHAIN");
        }
    }

    @Test
    void aChainFromACaTheClientDoesNotTrust() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(untrusted.certificate()), untrusted.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{\"sec-protocol\":\"TLSv12\"}", "SECURE");

            assertThat(probed.codes()).contains("OBSERVED_UNTRUSTED_CHAIN");
            assertThat(probed.json.read("$.findings[?(@.code == 'OBSERVED_UNTRUSTED_CHAIN')].connectionId", List.class))
                    .containsExactly((int) probed.connection);
            assertThat(observed(probed.connection)).contains("OBSERVED_UNTRUSTED_CHAIN");
        }
    }

    @Test
    void aPortDeclaredPlainThatSpeaksTls() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(declared.certificate()), declared.privateKey(), TLS12, null)) {
            Probed probed = probe(server, "{}", "UNSECURED");

            assertThat(probed.codes()).contains("OBSERVED_TLS_ON_PLAIN_PORT");
        }
    }

    @Test
    void theProbeIsKeptAndListedPerPort() throws Exception {
        try (TestPorts.Server server = TestPorts.plainTcp()) {
            Probed probed = probe(server, "{}", "SECURE");
            long id = probed.json.read("$.id", Long.class);

            DocumentContext one = JsonPath.parse(api.asAdmin(get("/api/v1/probes/{id}", id)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(one.read("$.target.port", Integer.class)).isEqualTo(server.port());
            assertThat(one.read("$.target.address", String.class)).isEqualTo("127.0.0.1");
            assertThat(one.read("$.target.host", String.class)).isEqualTo(serverHost);
            assertThat(one.read("$.actor", String.class)).isEqualTo("admin");
            DocumentContext list = JsonPath.parse(api.asAdmin(get("/api/v1/probes").param("application", probed.application)
                    .param("portId", "default")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(list.read("$.items[*].id", List.class)).containsExactly((int) id);
            assertThat(list.read("$.totalElements", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aHostOutsideTheAllowedNetworksIsRefusedAndAudited() throws Exception {
        String host = TopologyApi.unique("probe-far");
        api.host(host, "{}");
        String application = TopologyApi.unique("probe-far-srv");
        api.secureServer(application, "Configuration Server", host);
        long probes = api.count("probe");

        api.asAdmin(post("/api/v1/probes"), "{\"application\":\"" + application + "\",\"portId\":\"default\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("outside the networks probes may reach")))
                .andExpect(jsonPath("$.errors[0].field").value("address"));

        assertThat(api.count("probe")).isEqualTo(probes);
        assertThat(lastAudit(application + ":default")).containsEntry("OUTCOME", "DENIED").containsEntry("ACTION", "PROBE");
    }

    @Test
    void anAddressNotInTheTopologyIsRefusedAndAudited() throws Exception {
        long probes = api.count("probe");

        api.asAdmin(post("/api/v1/probes"), "{\"address\":\"127.0.0.2\",\"port\":2020}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("not a listening port of a host in the topology")));

        assertThat(api.count("probe")).isEqualTo(probes);
        assertThat(lastAudit("127.0.0.2:2020")).containsEntry("OUTCOME", "DENIED").containsEntry("ACTION", "PROBE");
    }

    @Test
    void anAuditorMayReadButNotProbe() throws Exception {
        mvc.perform(post("/api/v1/probes").with(user("auditor").roles("AUDITOR")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"address\":\"127.0.0.1\",\"port\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/probes").with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk());
    }

    private Map<String, Object> lastAudit(String objectName) {
        return jdbc.queryForMap("select action, outcome from audit_entry where object_name = ? order by id desc limit 1", objectName);
    }

    private Probed probe(TestPorts.Server server, String security, String mode) throws Exception {
        String application = TopologyApi.unique("probe-srv");
        boolean secure = "SECURE".equals(mode);
        String portTransport = secure ? "tls=1;certificate=" + thumbprint(declared.certificate()) : "";
        api.application("{\"name\":\"" + application + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + serverHost + "\",\"security\":" + security + ",\"ports\":[{\"portId\":\"default\",\"number\":"
                + server.port() + ",\"listeningMode\":\"" + mode + "\",\"transport\":\"" + portTransport + "\"}]}");
        long connection = api.connection(client, application, "default", secure ? "tls=1" : "");
        String body = api.asAdmin(post("/api/v1/probes"), "{\"application\":\"" + application + "\",\"portId\":\"default\"}")
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return new Probed(application, JsonPath.parse(body), connection);
    }

    private List<String> observed(long connection) throws Exception {
        return JsonPath.parse(api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).read("$.observed[*].code");
    }

    private String observedGrade(long connection) throws Exception {
        return JsonPath.parse(api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andReturn().getResponse().getContentAsString()).read("$.observedGrade");
    }

    private record Probed(String application, DocumentContext json, long connection) {
        List<String> codes() {
            return json.read("$.findings[*].code");
        }

        String message(String code) {
            List<String> messages = json.read("$.findings[?(@.code == '" + code + "')].message");
            assertThat(messages).as("a finding " + code).isNotEmpty();
            return messages.get(0);
        }
    }

    private EndEntitySpec leaf(int days) {
        return EndEntitySpec.forHost(serverHost, "127.0.0.1", CertificateUsage.SERVER, KeyAlgorithm.EC_P256, days);
    }

    private void importCertificate(X509Certificate certificate) throws Exception {
        api.asAdmin(post("/api/v1/certificates"), new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                Map.of("name", TopologyApi.unique("probe-cert"), "pem", PemExporter.certificates(List.of(certificate)))))
                .andExpect(status().isCreated());
    }

    private static String thumbprint(X509Certificate certificate) {
        return CertificateIds.sha1Thumbprint(certificate);
    }
}
