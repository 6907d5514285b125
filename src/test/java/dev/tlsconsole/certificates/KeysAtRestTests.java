package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Private keys are never stored in clear: after importing a key and issuing one, every column of every
 * certificates table (and the audit trail, and finally H2's dump of the whole database) is searched
 * for the PKCS#8 DER, its base64, its hex and the PEM body — and none of them is there.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysAtRestTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<byte[]> pkcs8Keys = new ArrayList<>();
    private final List<Long> certificates = new ArrayList<>();

    @BeforeAll
    void storeAnImportedAndAnIssuedKey() throws Exception {
        String operator = accounts.create("at-rest", Role.OPERATOR).username();
        String admin = accounts.create("at-rest-admin", Role.ADMIN).username();
        certificates.add(id(mvc.perform(post("/api/v1/certificates").with(httpBasic(operator, TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", "at rest rsa",
                        "pem", CertificateFixtures.text("rsa-leaf.pem"),
                        "privateKeyPem", CertificateFixtures.text("rsa-leaf.pkcs8-encrypted.key"),
                        "keyPassword", CertificateFixtures.PASSWORD))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()));
        pkcs8Keys.add(derOf(CertificateFixtures.text("rsa-leaf.pkcs8.key")));

        String ca = mvc.perform(post("/api/v1/authorities").with(httpBasic(operator, TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", "At rest CA " + System.nanoTime(),
                        "subject", "CN=At rest CA", "validityDays", 365))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long issued = id(mvc.perform(post("/api/v1/authorities/" + id(ca) + "/issue").with(httpBasic(operator, TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("subject", "CN=at-rest-host",
                        "sans", List.of("DNS:at-rest-host"), "usage", "SERVER", "validityDays", 30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        certificates.add(issued);
        // the one way to learn the generated key: an ADMIN's export
        String exported = mvc.perform(post("/api/v1/certificates/" + issued + "/export-key").with(httpBasic(admin, TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"PEM\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        pkcs8Keys.add(derOf(exported));
    }

    @AfterAll
    void removeCertificates() {
        CertificateTables.deleteCertificates(jdbc, certificates);
    }

    @Test
    void noColumnOfTheCertificateTablesHoldsAKeyInClear() {
        StringBuilder everything = new StringBuilder();
        for (String table : CertificateTables.TABLES) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                row.values().forEach(value -> everything.append(value).append('\n'));
            }
        }
        assertThat(everything).as("the tables hold data").contains("at-rest-host");
        assertNoKeyIn(everything.toString());
        assertThat(jdbc.queryForObject("select count(*) from certificate where private_key_sealed is not null and id in (?, ?)",
                Long.class, certificates.get(0), certificates.get(1))).isEqualTo(2);
    }

    @Test
    void theAuditTrailHoldsNoKey() {
        StringBuilder trail = new StringBuilder();
        jdbc.queryForList("select before_state, after_state, detail from audit_entry")
                .forEach(row -> row.values().forEach(value -> trail.append(value).append('\n')));
        assertNoKeyIn(trail.toString());
    }

    @Test
    void theWholeDatabaseDumpHoldsNoKey() {
        StringBuilder dump = new StringBuilder();
        jdbc.queryForList("SCRIPT").forEach(row -> row.values().forEach(value -> dump.append(value).append('\n')));
        assertThat(dump).contains("CREATE");
        assertNoKeyIn(dump.toString());
    }

    private void assertNoKeyIn(String text) {
        String compact = text.replaceAll("\\s", "");
        for (byte[] der : pkcs8Keys) {
            String base64 = Base64.getEncoder().encodeToString(der);
            String hex = HexFormat.of().formatHex(der);
            assertThat(compact).doesNotContain(base64.substring(0, 64)).doesNotContain(base64.substring(base64.length() - 64));
            assertThat(compact.toLowerCase()).doesNotContain(hex.substring(0, 64)).doesNotContain(hex.substring(hex.length() - 64));
            assertThat(text).doesNotContain(new String(der, StandardCharsets.ISO_8859_1).substring(0, 32));
        }
        assertThat(text).doesNotContain("PRIVATE KEY-----");
    }

    private static byte[] derOf(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
