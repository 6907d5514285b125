package dev.tlsconsole.certificates.inventory;

import static dev.tlsconsole.certificates.CertificateFixtures.PASSWORD;
import static dev.tlsconsole.certificates.CertificateFixtures.bytes;
import static dev.tlsconsole.certificates.CertificateFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.CertificateTables;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Importing what administrators make with the openssl command line (fixtures from make-fixtures.sh),
 * through the API as JSON and as a multipart upload; and every refusal, which must leave every
 * certificate table exactly as it was.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateImportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Long> imported = new ArrayList<>();
    private String operator;

    @BeforeAll
    void createOperator() {
        operator = accounts.create("importer", Role.OPERATOR).username();
    }

    @AfterEach
    void removeImported() {
        CertificateTables.deleteCertificates(jdbc, imported);
        imported.clear();
    }

    @Test
    void rsaLeafWithItsPkcs8KeyAsJson() throws Exception {
        MvcResult result = importJson(body("rsa-leaf.pem", "rsa-leaf.pkcs8.key", null))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/certificates/")))
                .andExpect(jsonPath("$.name").value("rsa.example.test"))
                .andExpect(jsonPath("$.subject").value("CN=rsa.example.test,O=Fixture Org"))
                .andExpect(jsonPath("$.issuer").value("CN=Fixture Intermediate CA,O=Fixture Org"))
                .andExpect(jsonPath("$.sans").value(hasItems("DNS:rsa.example.test", "IP:192.0.2.10")))
                .andExpect(jsonPath("$.keyAlgorithm").value("RSA"))
                .andExpect(jsonPath("$.keySize").value(2048))
                .andExpect(jsonPath("$.signatureAlgorithm").value("SHA256withECDSA"))
                .andExpect(jsonPath("$.sha1Thumbprint").value(org.hamcrest.Matchers.matchesPattern("[0-9A-F]{40}")))
                .andExpect(jsonPath("$.sha256Fingerprint").value(org.hamcrest.Matchers.matchesPattern("[0-9A-F]{64}")))
                .andExpect(jsonPath("$.serialNumber").value(org.hamcrest.Matchers.matchesPattern("[0-9A-F]+")))
                .andExpect(jsonPath("$.hasPrivateKey").value(true))
                .andExpect(jsonPath("$.ca").value(false))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.notBefore").exists())
                .andExpect(jsonPath("$.notAfter").exists())
                .andReturn();
        String response = result.getResponse().getContentAsString();
        assertThat(response).doesNotContain("PRIVATE KEY").doesNotContain(pemBody(text("rsa-leaf.pkcs8.key")).substring(0, 40));
        assertThat(json.readTree(response).has("privateKeyPem")).isFalse();
        long id = remember(result);
        mvc.perform(get("/api/v1/certificates/" + id).with(operatorAuth()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hasPrivateKey").value(true));
    }

    @Test
    void chainWithEncryptedPkcs8Key() throws Exception {
        long id = remember(importJson(body("rsa-chain.pem", "rsa-leaf.pkcs8-encrypted.key", PASSWORD))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
        String pem = mvc.perform(get("/api/v1/certificates/" + id + "/pem?chain=true").with(operatorAuth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(4);
        String leafOnly = mvc.perform(get("/api/v1/certificates/" + id + "/pem").with(operatorAuth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(leafOnly.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(2);
    }

    @Test
    void pkcs1KeysPlainAndEncrypted() throws Exception {
        remember(importJson(body("rsa-leaf.pem", "rsa-leaf.pkcs1.key", null))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
        removeImported();
        remember(importJson(body("rsa-leaf.pem", "rsa-leaf.pkcs1-encrypted.key", PASSWORD))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
    }

    @Test
    void ecLeafWithSec1KeyInTheSamePemAndAName() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "ec leaf from one paste");
        body.put("pem", text("ec-leaf.pem") + text("ec-leaf.sec1.key"));
        remember(importJson(body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("ec leaf from one paste"))
                .andExpect(jsonPath("$.keyAlgorithm").value("EC"))
                .andExpect(jsonPath("$.keySize").value(256))
                .andExpect(jsonPath("$.sans").value(hasItems("DNS:ec.example.test", "IP:192.0.2.11")))
                .andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
    }

    @Test
    void derFileWithoutKey() throws Exception {
        remember(upload("rsa-leaf.der", null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject").value("CN=rsa.example.test,O=Fixture Org"))
                .andExpect(jsonPath("$.hasPrivateKey").value(false)).andReturn());
    }

    @Test
    void pkcs12FilesModernLegacyAndCertificatesOnly() throws Exception {
        long ec = remember(upload("ec-leaf.p12", PASSWORD, "ec from p12").andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("ec from p12"))
                .andExpect(jsonPath("$.keyAlgorithm").value("EC"))
                .andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
        String chain = mvc.perform(get("/api/v1/certificates/" + ec + "/pem?chain=true").with(operatorAuth()))
                .andReturn().getResponse().getContentAsString();
        assertThat(chain.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(4);
        remember(upload("rsa-leaf-legacy.p12", PASSWORD, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.keyAlgorithm").value("RSA"))
                .andExpect(jsonPath("$.hasPrivateKey").value(true)).andReturn());
        removeImported();
        remember(upload("certificates-only.p12", PASSWORD, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject").value("CN=rsa.example.test,O=Fixture Org"))
                .andExpect(jsonPath("$.hasPrivateKey").value(false)).andReturn());
    }

    @Test
    void pemFileUpload() throws Exception {
        remember(upload("rsa-chain.pem", null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.hasPrivateKey").value(false)).andReturn());
    }

    @Test
    void aCaCertificateIsImportedAsACa() throws Exception {
        remember(importJson(body("root-ca.pem", null, null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.ca").value(true)).andExpect(jsonPath("$.name").value("Fixture Root CA")).andReturn());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAndNothingIsStored() throws Exception {
        refusedJson(body("rsa-leaf.pem", "other-rsa.pkcs8.key", null), 400, "privateKeyPem", "does not belong to the certificate");
    }

    @Test
    void aWrongOrMissingPasswordIsRefused() throws Exception {
        refusedJson(body("rsa-leaf.pem", "rsa-leaf.pkcs8-encrypted.key", "not-the-password"), 400, "keyPassword", "wrong password");
        refusedJson(body("rsa-leaf.pem", "rsa-leaf.pkcs1-encrypted.key", null), 400, "keyPassword", "supply its password");
        refusedUpload("ec-leaf.p12", bytes("ec-leaf.p12"), "wrong", 400, "password", "wrong password");
        refusedUpload("ec-leaf.p12", bytes("ec-leaf.p12"), null, 400, "password", "password");
    }

    @Test
    void garbageAndEmptyInputAreRefused() throws Exception {
        refusedJson(Map.of("pem", "hello, this is not a certificate"), 400, "pem", "not PEM text");
        refusedJson(Map.of("pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), 400, "pem", "");
        refusedJson(Map.of(), 400, "pem", "paste the certificate");
        refusedUpload("junk.bin", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, null, 400, "file", "not a PEM, DER or PKCS#12");
        refusedUpload("empty.pem", new byte[0], null, 400, "file", "empty");
        refusedUpload("key-only.pem", bytes("rsa-leaf.pkcs8.key"), null, 400, "file", "no certificate");
    }

    @Test
    void unsupportedKeyTypesAndChainsOutOfOrderAreRefused() throws Exception {
        refusedJson(body("ed25519-self-signed.pem", "ed25519.pkcs8.key", null), 400, "privateKeyPem", "RSA and EC");
        refusedJson(body("rsa-chain-root-first.pem", null, null), 400, "pem", "");
    }

    @Test
    void oversizedInputIsRefused() throws Exception {
        String huge = hugePem();
        refusedJson(Map.of("pem", huge), 400, "pem", "larger than 1024 KiB");
        refusedUpload("huge.pem", huge.getBytes(StandardCharsets.US_ASCII), null, 400, "file", "larger than 1024 KiB");
    }

    @Test
    void anOversizedUploadOverRealHttpsIsRefusedBeforeItIsRead() {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        String boundary = "----certificates-test-boundary";
        byte[] body = (("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pem\"\r\n"
                + "Content-Type: application/x-pem-file\r\n\r\n" + hugePem() + "\r\n--" + boundary + "--\r\n"))
                .getBytes(StandardCharsets.US_ASCII);
        String basic = Base64.getEncoder().encodeToString((operator + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = new ConsoleHttps(port, certificateFile).send(HttpRequest
                .newBuilder(URI.create("https://localhost:" + port + "/api/v1/certificates"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the console accepts");
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    private static String hugePem() {
        char[] filler = new char[1024 * 1024 + 10];
        Arrays.fill(filler, 'A');
        return "-----BEGIN CERTIFICATE-----\n" + new String(filler) + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void theSameCertificateTwiceIsAConflict() throws Exception {
        long id = remember(importJson(body("rsa-leaf.pem", null, null)).andExpect(status().isCreated()).andReturn());
        Map<String, Long> before = CertificateTables.counts(jdbc);
        importJson(body("rsa-leaf.pem", "rsa-leaf.pkcs8.key", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already in the inventory")))
                .andExpect(jsonPath("$.existingId").value(id));
        upload("rsa-leaf.der", null, null).andExpect(status().isConflict());
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aTakenNameIsRefused() throws Exception {
        remember(importJson(body("rsa-leaf.pem", null, null)).andExpect(status().isCreated()).andReturn());
        Map<String, Object> body = body("ec-leaf.pem", null, null);
        body.put("name", "rsa.example.test");
        refusedJson(body, 400, "name", "already the name");
    }

    @Test
    void anAuditorMayNotImport() throws Exception {
        String auditor = accounts.create("cert-reader", Role.AUDITOR).username();
        Map<String, Long> before = CertificateTables.counts(jdbc);
        mvc.perform(post("/api/v1/certificates").with(httpBasic(auditor, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body("rsa-leaf.pem", null, null))))
                .andExpect(status().isForbidden());
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    private void refusedJson(Map<String, Object> body, int status, String field, String message) throws Exception {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        importJson(body).andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
        assertThat(CertificateTables.counts(jdbc)).as("nothing stored").isEqualTo(before);
    }

    private void refusedUpload(String fileName, byte[] content, String password, int status, String field, String message)
            throws Exception {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        var request = multipart("/api/v1/certificates").file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        if (password != null) {
            request.param("password", password);
        }
        mvc.perform(request.with(operatorAuth())).andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
        assertThat(CertificateTables.counts(jdbc)).as("nothing stored").isEqualTo(before);
    }

    private ResultActions importJson(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/certificates").with(operatorAuth())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions upload(String fixture, String password, String name) throws Exception {
        var request = multipart("/api/v1/certificates").file(new MockMultipartFile("file", fixture, "application/octet-stream",
                bytes(fixture)));
        if (password != null) {
            request.param("password", password);
        }
        if (name != null) {
            request.param("name", name);
        }
        return mvc.perform(request.with(operatorAuth()));
    }

    private static Map<String, Object> body(String certificate, String key, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pem", text(certificate));
        if (key != null) {
            body.put("privateKeyPem", text(key));
        }
        if (password != null) {
            body.put("keyPassword", password);
        }
        return body;
    }

    private long remember(MvcResult result) throws Exception {
        long id = ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
        imported.add(id);
        return id;
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor operatorAuth() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }

    static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
