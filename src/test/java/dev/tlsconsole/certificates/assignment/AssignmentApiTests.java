package dev.tlsconsole.certificates.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.CertificateTables;
import dev.tlsconsole.certificates.OpenSslCli;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutableClock;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue → assign → the connection's findings and grade change; revoke → CERT_REVOKED with the serial on
 * a CRL that openssl reads; and the other certificate findings the inventory decides, end to end over a
 * topology built through the API and the policy engine with the inventory's facts.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ConnectionPolicies policies;
    @Autowired
    MutableClock clock;
    @TempDir
    Path files;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String s = Long.toString(System.nanoTime() % 100_000);
    private String operator;
    private TopologyFixture topology;
    private long ca;
    private long statToConfserv;
    private long winToConfserv;

    @BeforeAll
    void buildTopology() throws Exception {
        operator = accounts.create("assigner", Role.OPERATOR).username();
        topology = new TopologyFixture(mvc, operator);
        topology.host("cfg-" + s, "10.77.0.1", "UNIX", "8.5.100.25");
        topology.host("stat-" + s, "10.77.0.2", "UNIX", "8.5.100.25");
        topology.host("win-" + s, "10.77.0.3", "WINDOWS", null);
        topology.application("confserv-" + s, "Configuration Server", "cfg-" + s, true);
        topology.application("statserv-" + s, "Stat Server", "stat-" + s, false);
        topology.application("winstat-" + s, "Stat Server", "win-" + s, false);
        statToConfserv = topology.connection("statserv-" + s, "confserv-" + s, "tls=1;tls-target-name-check=host");
        winToConfserv = topology.connection("winstat-" + s, "confserv-" + s, "tls=1");
        ca = topology.authority("Assign CA " + s);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void issueAssignRevokeChangesTheConnectionsFindingsAndGrade() throws Exception {
        EffectivePolicy before = policy(statToConfserv);
        assertThat(codes(before)).contains(FindingCode.SERVER_CERT_MISSING);
        assertThat(before.grade()).isEqualTo(Grade.F);

        // the UNIX client must trust the CA: assigning the CA certificate writes trusted-ca alone
        long caCertificate = ((Number) JsonPath.read(topology.get("/api/v1/authorities/" + ca), "$.certificateId")).longValue();
        post("/api/v1/certificates/" + caCertificate + "/assign", Map.of("target", Map.of("type", "APPLICATION", "name", "statserv-" + s)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.set['trusted-ca']").value(containsString("/opt/genesys/certs/ca-")))
                .andExpect(jsonPath("$.set.certificate").doesNotExist());
        assertThat(codes(policy(statToConfserv))).doesNotContain(FindingCode.UNTRUSTED_ISSUER);

        String issued = topology.issueForHost(ca, "cfg-" + s, "SERVER", 365);
        long certificate = TopologyFixture.id(issued);
        assertThat(JsonPath.<List<String>>read(issued, "$.sans")).containsExactly("DNS:cfg-" + s, "IP:10.77.0.1");
        Map<String, Object> target = Map.of("type", "PORT", "name", "confserv-" + s, "portId", "default");
        Map<String, Long> stored = CertificateTables.counts(jdbc);

        String preview = post("/api/v1/certificates/" + certificate + "/assign/preview", Map.of("target", target))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.os").value("UNIX"))
                .andExpect(jsonPath("$.target.name").value("confserv-" + s + ":default"))
                .andExpect(jsonPath("$.set.certificate").value(containsString("/opt/genesys/certs/")))
                .andExpect(jsonPath("$.set['certificate-key']").value(containsString(".key")))
                .andExpect(jsonPath("$.set['trusted-ca']").value(containsString("/ca-")))
                .andExpect(jsonPath("$.impact.impacted").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Object>read(preview, "$.impact.changed[?(@.connectionId == " + statToConfserv + ")].before.grade")
                .toString()).contains("F");
        assertThat(JsonPath.<Object>read(preview, "$.impact.changed[?(@.connectionId == " + statToConfserv + ")].after.grade")
                .toString()).doesNotContain("F");
        assertThat(CertificateTables.counts(jdbc)).as("a preview stores nothing").isEqualTo(stored);
        assertThat(policy(statToConfserv).grade()).isEqualTo(Grade.F);

        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", target)).andExpect(status().isOk());
        String application = topology.get("/api/v1/applications/" + applicationId("confserv-" + s));
        assertThat(JsonPath.<String>read(application, "$.ports[0].transport"))
                .contains("certificate=/opt/genesys/certs/").contains("certificate-key=").contains("trusted-ca=").startsWith("tls=1");
        EffectivePolicy after = policy(statToConfserv);
        assertThat(codes(after)).doesNotContain(FindingCode.SERVER_CERT_MISSING, FindingCode.CERT_CONTENT_UNCHECKED,
                FindingCode.HOST_NAME_MISMATCH, FindingCode.UNTRUSTED_ISSUER, FindingCode.CERT_REVOKED);
        assertThat(after.grade()).isIn(Grade.A_PLUS, Grade.A, Grade.B);
        // the console's own effective-policy API asks the same inventory (its cache follows the certificates revision)
        mvc.perform(get("/api/v1/connections/" + statToConfserv + "/effective-policy").with(auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value(after.grade().label()))
                .andExpect(jsonPath("$.findings[*].code").value(org.hamcrest.Matchers.not(hasItem("SERVER_CERT_MISSING"))))
                .andExpect(jsonPath("$.findings[*].code").value(org.hamcrest.Matchers.not(hasItem("CERT_CONTENT_UNCHECKED"))));

        mvc.perform(get("/api/v1/certificates/" + certificate + "/usages").with(auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objects[0].type").value("PORT"))
                .andExpect(jsonPath("$.objects[0].name").value("confserv-" + s + ":default"))
                .andExpect(jsonPath("$.connections[*].connectionId").value(hasItem((int) statToConfserv)))
                .andExpect(jsonPath("$.connections[*].connectionId").value(hasItem((int) winToConfserv)));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/certificates/" + certificate)
                        .with(auth()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("still used by port confserv-" + s + ":default")))
                .andExpect(jsonPath("$.usedBy[0]").value("port confserv-" + s + ":default"));

        String revoked = post("/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", "keyCompromise"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // GENESYS-TLS-REFERENCE.md §8 B1: the client has no tls-crl, so it does not check: a warning, not an error
        EffectivePolicy afterRevocation = policy(statToConfserv);
        assertThat(codes(afterRevocation)).contains(FindingCode.CERT_REVOKED_UNCHECKED).doesNotContain(FindingCode.CERT_REVOKED);
        assertThat(afterRevocation.grade()).isNotEqualTo(Grade.F);
        mvc.perform(get("/api/v1/connections/" + statToConfserv + "/effective-policy").with(auth()))
                .andExpect(jsonPath("$.findings[*].code").value(hasItem("CERT_REVOKED_UNCHECKED")));

        OpenSslCli.requireAvailable();
        byte[] crl = mvc.perform(get("/api/v1/authorities/" + ca + "/crl").with(auth())).andReturn().getResponse().getContentAsByteArray();
        String text = OpenSslCli.ok(null, "crl", "-inform", "DER", "-in", Files.write(files.resolve("ca.crl"), crl).toString(),
                "-noout", "-text");
        assertThat(text).contains("Serial Number: " + JsonPath.read(revoked, "$.serialNumber")).contains("Key Compromise");
    }

    @Test
    void aWindowsTargetGetsThumbprintsAndNoKeyPath() throws Exception {
        long certificate = TopologyFixture.id(topology.issueForHost(ca, "win-" + s, "BOTH", 200));
        String sha1 = JsonPath.read(topology.get("/api/v1/certificates/" + certificate), "$.sha1Thumbprint");
        String caSha1 = JsonPath.read(topology.get("/api/v1/authorities/" + ca), "$.sha1Thumbprint");
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "APPLICATION", "name", "winstat-" + s)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.os").value("WINDOWS"))
                .andExpect(jsonPath("$.set.certificate").value(sha1))
                .andExpect(jsonPath("$.set['trusted-ca']").value(caSha1))
                .andExpect(jsonPath("$.unset[0]").value("certificate-key"))
                .andExpect(jsonPath("$.files").isEmpty());
        String application = topology.get("/api/v1/applications/" + applicationId("winstat-" + s));
        assertThat(JsonPath.<String>read(application, "$.security.certificate")).isEqualTo(sha1);
        assertThat(JsonPath.<Map<String, String>>read(application, "$.security")).doesNotContainKey("certificate-key");
    }

    @Test
    void theInventoryDecidesTrustAndHostNameFindings() throws Exception {
        topology.application("msg-" + s, "Message Server", "cfg-" + s, true);
        topology.application("scs-" + s, "Solution Control Server", "stat-" + s, false);
        long statToMsg = topology.connection("scs-" + s, "msg-" + s, "tls=1;tls-target-name-check=host");
        long wrongHost = TopologyFixture.id(topology.issueForHost(ca, "stat-" + s, "BOTH", 200));
        post("/api/v1/certificates/" + wrongHost + "/assign", Map.of("target", Map.of("type", "PORT", "name", "msg-" + s,
                "portId", "default"))).andExpect(status().isOk());
        assertThat(codes(policy(statToMsg))).contains(FindingCode.HOST_NAME_MISMATCH);

        long otherCa = topology.authority("Other CA " + s);
        long clientCertificate = TopologyFixture.id(topology.issueForHost(otherCa, "stat-" + s, "BOTH", 200));
        post("/api/v1/certificates/" + clientCertificate + "/assign", Map.of("target", Map.of("type", "APPLICATION",
                "name", "scs-" + s))).andExpect(status().isOk());
        assertThat(codes(policy(statToMsg))).contains(FindingCode.UNTRUSTED_ISSUER);
    }

    @Test
    void expiryAndCrlStalenessFollowTheClock() throws Exception {
        topology.application("ixn-" + s, "Interaction Server", "cfg-" + s, true);
        topology.application("ors-" + s, "Orchestration Server", "stat-" + s, false);
        long statToIxn = topology.connection("ors-" + s, "ixn-" + s, "tls=1");
        long certificate = TopologyFixture.id(topology.issueForHost(ca, "cfg-" + s, "SERVER", 10));
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "PORT", "name", "ixn-" + s,
                "portId", "default"))).andExpect(status().isOk());
        // the client checks the server against its CA's CRL: tls-crl on the client side
        long client = TopologyFixture.id(topology.issueForHost(ca, "stat-" + s, "CLIENT", 300));
        post("/api/v1/certificates/" + client + "/assign", Map.of("target", Map.of("type", "APPLICATION", "name", "ors-" + s), "crl", true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.set['tls-crl']").value(containsString(".crl")));
        assertThat(codes(policy(statToIxn))).contains(FindingCode.CERT_EXPIRING).doesNotContain(FindingCode.CRL_STALE);
        clock.advance(Duration.ofDays(8));
        assertThat(codes(policy(statToIxn))).contains(FindingCode.CRL_STALE, FindingCode.CERT_EXPIRING);
        clock.advance(Duration.ofDays(3));
        assertThat(codes(policy(statToIxn))).contains(FindingCode.CERT_EXPIRED);
        clock.reset();
        clock.advance(Duration.ofDays(-1));
        assertThat(codes(policy(statToIxn))).contains(FindingCode.CERT_NOT_YET_VALID);
    }

    @Test
    void weakKeysSignaturesAndWrongFormatsAreReported() throws Exception {
        OpenSslCli.requireAvailable();
        Path key = files.resolve("weak.key");
        Path certificate = files.resolve("weak.pem");
        OpenSslCli.ok(null, "req", "-x509", "-newkey", "rsa:1024", "-sha1", "-nodes", "-subj", "/CN=cfg-" + s, "-days", "90",
                "-addext", "subjectAltName=DNS:cfg-" + s, "-addext", "basicConstraints=critical,CA:FALSE", "-keyout", key.toString(), "-out", certificate.toString());
        long weak = TopologyFixture.id(topology.post("/api/v1/certificates", Map.of("name", "weak " + s,
                "pem", Files.readString(certificate), "privateKeyPem", Files.readString(key))));
        topology.application("sip-" + s, "SIP Server", "cfg-" + s, true);
        long statToSip = topology.connection("statserv-" + s, "sip-" + s, "tls=1");
        post("/api/v1/certificates/" + weak + "/assign", Map.of("target", Map.of("type", "PORT", "name", "sip-" + s, "portId", "default")))
                .andExpect(status().isOk());
        assertThat(codes(policy(statToSip))).contains(FindingCode.WEAK_KEY, FindingCode.WEAK_SIGNATURE);

        topology.application("ucs-" + s, "Universal Contact Server", "win-" + s, true);
        long toUcs = topology.connection("statserv-" + s, "ucs-" + s, "tls=1");
        long ucs = applicationId("ucs-" + s);
        String application = topology.get("/api/v1/applications/" + ucs);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/applications/" + ucs)
                        .with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(application.replace("\"security\":{}", "\"security\":{\"certificate\":\"/opt/genesys/certs/ucs.pem\"}")))
                .andExpect(status().isOk());
        assertThat(codes(policy(toUcs))).contains(FindingCode.CERT_FORMAT_FOR_OS);
    }

    @Test
    void assignmentsThatCannotWorkAreRefusedAndChangeNothing() throws Exception {
        long certificate = TopologyFixture.id(topology.issueForHost(ca, "cfg-" + s, "SERVER", 30));
        String before = topology.get("/api/v1/applications/" + applicationId("confserv-" + s));
        Map<String, Long> stored = CertificateTables.counts(jdbc);
        post("/api/v1/certificates/" + certificate + "/assign", Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target.type"));
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "PLANET")))
                .andExpect(status().isBadRequest());
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "PORT", "name", "confserv-" + s)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("target.portId"));
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "HOST", "name", "no-such-host")))
                .andExpect(status().isNotFound());
        post("/api/v1/certificates/" + certificate + "/assign", Map.of("target", Map.of("type", "CONNECTION", "connectionId", 999999)))
                .andExpect(status().isNotFound());
        long revoked = TopologyFixture.id(topology.issueForHost(ca, "cfg-" + s, "SERVER", 30));
        post("/api/v1/certificates/" + revoked + "/revoke", Map.of("reason", "superseded")).andExpect(status().isOk());
        stored = CertificateTables.counts(jdbc);
        post("/api/v1/certificates/" + revoked + "/assign", Map.of("target", Map.of("type", "HOST", "name", "cfg-" + s)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("revoked")));
        long leafOnly = TopologyFixture.id(topology.post("/api/v1/certificates", Map.of("name", "orphan " + s,
                "pem", dev.tlsconsole.certificates.CertificateFixtures.text("ec-leaf.pem"))));
        post("/api/v1/certificates/" + leafOnly + "/assign", Map.of("target", Map.of("type", "HOST", "name", "cfg-" + s)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("import the CA certificate")));
        stored.merge("certificate", 1L, Long::sum);
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(stored);
        assertThat(topology.get("/api/v1/applications/" + applicationId("confserv-" + s))).isEqualTo(before);
        CertificateTables.deleteCertificates(jdbc, List.of(leafOnly));
    }

    @Test
    void theDeploymentBundleHoldsTheFilesTheOptionsName() throws Exception {
        long certificate = TopologyFixture.id(topology.issueForHost(ca, "stat-" + s, "CLIENT", 90));
        byte[] zip = mvc.perform(get("/api/v1/certificates/" + certificate + "/bundle").with(auth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new java.util.ArrayList<>();
        String options = null;
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                String content = new String(in.readAllBytes());
                assertThat(content).doesNotContain("PRIVATE KEY");
                if (entry.getName().equals("genesys-options.txt")) {
                    options = content;
                }
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("stat-" + s)).anyMatch(n -> n.startsWith("ca-")).contains("genesys-options.txt");
        assertThat(names).anyMatch(n -> n.endsWith(".crl"));
        assertThat(options).contains("certificate = /opt/genesys/certs/").contains("trusted-ca = ");
        post("/api/v1/certificates/" + certificate + "/bundle", Map.of("format", "ZIP")).andExpect(status().isForbidden());
    }

    private EffectivePolicy policy(long connectionId) {
        return policies.resolve(connectionId).orElseThrow();
    }

    private static List<FindingCode> codes(EffectivePolicy policy) {
        return policy.findings().stream().map(f -> f.code()).toList();
    }

    private long applicationId(String name) throws Exception {
        String page = topology.get("/api/v1/applications?q=" + name);
        List<Integer> ids = JsonPath.read(page, "$.items[?(@.name == '" + name + "')].id");
        return ids.get(0);
    }

    private ResultActions post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(auth())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor auth() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }
}
