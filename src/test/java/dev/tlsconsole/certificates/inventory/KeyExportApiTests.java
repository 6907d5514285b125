package dev.tlsconsole.certificates.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.CertificateFixtures;
import dev.tlsconsole.certificates.CertificateTables;
import dev.tlsconsole.certificates.OpenSslCli;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Private keys leave the console only through an ADMIN's explicit, audited export, in files the
 * openssl command line reads.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyExportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @TempDir
    Path files;

    private final JsonMapper json = JsonMapper.builder().build();
    private String operator;
    private String admin;
    private long withKey;
    private long withoutKey;

    @BeforeAll
    void importCertificates() throws Exception {
        operator = accounts.create("export-operator", Role.OPERATOR).username();
        admin = accounts.create("export-admin", Role.ADMIN).username();
        withKey = importPem(Map.of("name", "export test ec", "pem", CertificateFixtures.text("ec-leaf.pem"),
                "privateKeyPem", CertificateFixtures.text("ec-leaf.sec1.key")));
        withoutKey = importPem(Map.of("name", "export test no key", "pem", CertificateFixtures.text("rsa-leaf.pem")));
    }

    @AfterAll
    void removeCertificates() {
        CertificateTables.deleteCertificates(jdbc, List.of(withKey, withoutKey));
    }

    @Test
    void anAdminExportsThePlainPemKeyOfTheCertificate() throws Exception {
        byte[] key = export(admin, withKey, Map.of("format", "PEM"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("export_test_ec.key")))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        OpenSslCli.requireAvailable();
        Path keyFile = Files.write(files.resolve("plain.key"), key);
        Path certificate = Files.writeString(files.resolve("ec.pem"), CertificateFixtures.text("ec-leaf.pem"));
        assertThat(OpenSslCli.ok(null, "pkey", "-in", keyFile.toString(), "-pubout"))
                .isEqualTo(OpenSslCli.ok(null, "x509", "-in", certificate.toString(), "-noout", "-pubkey"));
        assertThat(lastAudit()).containsEntry("ACTION", "certificate.key.export").containsEntry("OUTCOME", "SUCCESS")
                .containsEntry("ACTOR", admin);
    }

    @Test
    void anEncryptedPemAndAPkcs12AreProtectedByTheChosenPassword() throws Exception {
        OpenSslCli.requireAvailable();
        byte[] encrypted = export(admin, withKey, Map.of("format", "PEM", "password", "chosen-secret-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        Path encryptedFile = Files.write(files.resolve("encrypted.key"), encrypted);
        assertThat(OpenSslCli.ok(null, "pkey", "-in", encryptedFile.toString(), "-passin", "pass:chosen-secret-1", "-noout"))
                .isEmpty();
        assertThat(OpenSslCli.exitCode(null, "pkey", "-in", encryptedFile.toString(), "-passin", "pass:wrong", "-noout"))
                .isNotZero();

        byte[] p12 = export(admin, withKey, Map.of("format", "PKCS12", "password", "chosen-secret-2"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-pkcs12"))
                .andReturn().getResponse().getContentAsByteArray();
        Path p12File = Files.write(files.resolve("bundle.p12"), p12);
        String contents = OpenSslCli.ok(null, "pkcs12", "-in", p12File.toString(), "-passin", "pass:chosen-secret-2", "-nodes");
        assertThat(contents).contains("BEGIN PRIVATE KEY").contains("CN = ec.example.test");
        String audit = (String) lastAudit().get("AFTER_STATE");
        assertThat(audit).contains("PKCS12").doesNotContain("chosen-secret-2").doesNotContain("PRIVATE KEY");
    }

    @Test
    void operatorsAndAuditorsMayNotExportAndTheDenialIsAudited() throws Exception {
        export(operator, withKey, Map.of("format", "PEM")).andExpect(status().isForbidden());
        assertThat(lastAudit()).containsEntry("ACTION", "certificate.key.export").containsEntry("OUTCOME", "DENIED")
                .containsEntry("ACTOR", operator);
        String auditor = accounts.create("export-auditor", Role.AUDITOR).username();
        export(auditor, withKey, Map.of("format", "PEM")).andExpect(status().isForbidden());
    }

    @Test
    void badExportRequestsAreRefused() throws Exception {
        export(admin, withKey, Map.of("format", "PKCS12")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("needs a password")));
        export(admin, withKey, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        export(admin, withKey, Map.of("format", "JKS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("PEM, PKCS12")));
        export(admin, withoutKey, Map.of("format", "PEM")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("holds no private key")));
        export(admin, 999_999, Map.of("format", "PEM")).andExpect(status().isNotFound());
    }

    private ResultActions export(String user, long id, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/certificates/" + id + "/export-key").with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private long importPem(Map<String, String> body) throws Exception {
        String response = mvc.perform(post("/api/v1/certificates").with(as(operator)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new LinkedHashMap<>(body))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    private Map<String, Object> lastAudit() {
        return jdbc.queryForMap("select action, outcome, actor, after_state from audit_entry order by id desc limit 1");
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, TestAccounts.PASSWORD);
    }
}
