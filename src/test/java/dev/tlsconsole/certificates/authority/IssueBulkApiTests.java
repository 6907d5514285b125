package dev.tlsconsole.certificates.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /authorities/{id}/issue-bulk}: one certificate per topology host, all or nothing, one audit
 * entry per certificate, for operators only.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueBulkApiTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    private final JsonMapper json = JsonMapper.builder().build();
    private String operator;
    private String auditor;
    private long ca;
    private String caName;

    @BeforeAll
    void createAccountsAndCa() throws Exception {
        operator = accounts.create("bulk-operator", Role.OPERATOR).username();
        auditor = accounts.create("bulk-auditor", Role.AUDITOR).username();
        caName = "Bulk CA " + System.nanoTime() % 1_000_000;
        ca = id(post("/api/v1/authorities", Map.of("name", caName, "subject", "CN=" + caName + ",O=Tests",
                "keyAlgorithm", "EC_P256", "validityDays", 3650), operator())
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyHostGetsItsOwnCertificateWithItsNameAndAddressAndOneAuditEntry() throws Exception {
        List<String> hosts = List.of(host("10.61.0.1"), host("10.61.0.2"), host("10.61.0.3"));
        long auditBefore = issueEntries();
        String body = bulk(Map.of("hosts", hosts, "usage", "SERVER", "validityDays", 90), operator())
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.issued", hasSize(3)))
                .andExpect(jsonPath("$.issued[0].subject").value("CN=" + hosts.get(0)))
                .andExpect(jsonPath("$.issued[0].sans", hasItem("DNS:" + hosts.get(0))))
                .andExpect(jsonPath("$.issued[0].sans", hasItem("IP:10.61.0.1")))
                .andExpect(jsonPath("$.issued[2].subject").value("CN=" + hosts.get(2)))
                .andExpect(jsonPath("$.issued[2].sans", hasItem("IP:10.61.0.3")))
                .andExpect(jsonPath("$.issued[1].keyAlgorithm").value("EC"))
                .andExpect(jsonPath("$.issued[1].hasPrivateKey").value(true))
                .andExpect(jsonPath("$.issued[1].status").value("VALID"))
                .andExpect(jsonPath("$.issued[1].privateKeyPem").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(body, "$.issued[*].id");
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
        List<String> serials = JsonPath.read(body, "$.issued[*].serialNumber");
        assertThat(serials).doesNotHaveDuplicates();

        // each certificate is signed by the CA and carries the usage asked for
        X509Certificate caCertificate = x509(pemOf(JsonPath.<Integer>read(mvc.perform(get("/api/v1/authorities/" + ca)
                .with(operator())).andReturn().getResponse().getContentAsString(), "$.certificateId")));
        for (Integer id : ids) {
            X509Certificate leaf = x509(pemOf(id));
            leaf.verify(caCertificate.getPublicKey());
            assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        }

        assertThat(issueEntries() - auditBefore).isEqualTo(3);
        assertThat(jdbc.queryForList("select object_name from audit_entry where action = 'certificate.issue' and outcome = 'SUCCESS'"
                + " order by id desc limit 3", String.class)).containsExactlyInAnyOrderElementsOf(hosts);
    }

    @Test
    void anUnknownHostIsA400NamingItAndNothingIsIssued() throws Exception {
        String known = host("10.62.0.1");
        long certificatesBefore = certificates();
        long auditBefore = issueEntries();
        bulk(Map.of("hosts", List.of(known, "no-such-host-" + SEQUENCE.incrementAndGet()), "usage", "SERVER", "validityDays", 30),
                operator())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("no-such-host-")));
        assertThat(certificates()).isEqualTo(certificatesBefore);
        assertThat(issueEntries()).isEqualTo(auditBefore);
        mvc.perform(get("/api/v1/certificates?q=" + known).with(operator()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void anAuditorIsRefusedAndNothingIsIssued() throws Exception {
        String host = host("10.63.0.1");
        long certificatesBefore = certificates();
        bulk(Map.of("hosts", List.of(host), "usage", "SERVER", "validityDays", 30), httpBasic(auditor, TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(certificates()).isEqualTo(certificatesBefore);
    }

    @Test
    void badInputIsA400AndIssuesNothing() throws Exception {
        String host = host("10.64.0.1");
        long certificatesBefore = certificates();
        bulk(Map.of("hosts", List.of(), "usage", "SERVER", "validityDays", 30), operator())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("hosts")));
        bulk(Map.of("hosts", List.of(host), "usage", "SIDEWAYS", "validityDays", 30), operator())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("usage")));
        bulk(Map.of("hosts", List.of(host), "usage", "SERVER", "validityDays", 0), operator())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("validityDays")));
        bulk(Map.of("hosts", List.of(host, host), "usage", "SERVER", "validityDays", 30), operator())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("more than once")));
        bulk(Map.of("hosts", "not-a-list", "usage", "SERVER", "validityDays", 30), operator())
                .andExpect(status().isBadRequest());
        post("/api/v1/authorities/999999/issue-bulk", Map.of("hosts", List.of(host), "usage", "SERVER", "validityDays", 30),
                operator()).andExpect(status().isNotFound());
        assertThat(certificates()).isEqualTo(certificatesBefore);
    }

    private String host(String ip) throws Exception {
        String name = "bulk-host-" + System.nanoTime() % 100_000 + "-" + SEQUENCE.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("ipAddress", ip);
        body.put("osType", "UNIX");
        body.put("securityPackVersion", "8.5.100");
        body.put("security", Map.of());
        post("/api/v1/hosts", body, operator()).andExpect(status().isCreated());
        return name;
    }

    private long certificates() {
        return jdbc.queryForObject("select count(*) from certificate", Long.class);
    }

    private long issueEntries() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'certificate.issue' and outcome = 'SUCCESS'",
                Long.class);
    }

    private String pemOf(long certificateId) throws Exception {
        return mvc.perform(get("/api/v1/certificates/" + certificateId + "/pem").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes()));
    }

    private ResultActions bulk(Map<String, ?> body, RequestPostProcessor auth) throws Exception {
        return post("/api/v1/authorities/" + ca + "/issue-bulk", body, auth);
    }

    private ResultActions post(String path, Map<String, ?> body, RequestPostProcessor auth) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(auth)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private RequestPostProcessor operator() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
