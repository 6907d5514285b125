package dev.tlsconsole.certificates.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * The console's own CAs through the API: root and intermediate, issuing for a subject, signing a CSR,
 * revoking, and CRLs that the openssl command line reads and verifies.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityApiTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

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

    @BeforeAll
    void createOperator() {
        operator = accounts.create("ca-operator", Role.OPERATOR).username();
    }

    @Test
    void aRootCaIsCreatedWithItsCertificateInTheInventoryAndAFirstCrl() throws Exception {
        String name = unique("Root");
        String body = post("/api/v1/authorities", Map.of("name", name, "subject", "CN=" + name + ",O=Tests",
                "keyAlgorithm", "EC_P256", "validityDays", 3650))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/authorities/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.subject").value("CN=" + name + ",O=Tests"))
                .andExpect(jsonPath("$.keyAlgorithm").value("EC_P256"))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.parent").doesNotExist())
                .andExpect(jsonPath("$.lastCrlNumber").value(1))
                .andExpect(jsonPath("$.lastCrl.entries").value(0))
                .andReturn().getResponse().getContentAsString();
        long id = id(body);
        long certificateId = ((Number) JsonPath.read(body, "$.certificateId")).longValue();
        mvc.perform(get("/api/v1/certificates/" + certificateId).with(auth()))
                .andExpect(jsonPath("$.ca").value(true))
                .andExpect(jsonPath("$.origin").value("AUTHORITY"))
                .andExpect(jsonPath("$.hasPrivateKey").value(false))
                .andExpect(jsonPath("$.selfSigned").value(true));
        mvc.perform(get("/api/v1/authorities").with(auth()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].name").value(hasItem(name)));

        OpenSslCli.requireAvailable();
        Path ca = write("ca.pem", pem(certificateId));
        Path crl = write("ca.crl", crlDer(id));
        String text = OpenSslCli.ok(null, "crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", ca.toString(),
                "-noout", "-text");
        assertThat(text).contains("verify OK").contains("X509v3 CRL Number").contains("No Revoked Certificates");
    }

    @Test
    void anIntermediateIssuesServerCertificatesThatChainToTheRoot() throws Exception {
        long root = createCa(unique("Root"), null, "RSA_3072");
        String intermediateName = unique("Issuing");
        long intermediate = id(post("/api/v1/authorities", Map.of("name", intermediateName, "subject", "CN=" + intermediateName,
                "validityDays", 1000, "parent", name(root), "crlDistributionUrl", "http://pki.example.test/issuing.crl"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parent").value(name(root)))
                .andExpect(jsonPath("$.keyAlgorithm").value("EC_P256"))
                .andReturn().getResponse().getContentAsString());

        String issued = post("/api/v1/authorities/" + intermediate + "/issue", Map.of("subject", "CN=stat-host-7",
                "sans", List.of("DNS:stat-host-7", "IP:10.0.0.7"), "usage", "SERVER", "validityDays", 90))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/certificates/")))
                .andExpect(jsonPath("$.subject").value("CN=stat-host-7"))
                .andExpect(jsonPath("$.sans").value(hasItems("DNS:stat-host-7", "IP:10.0.0.7")))
                .andExpect(jsonPath("$.extendedKeyUsage").value(hasItem("serverAuth")))
                .andExpect(jsonPath("$.hasPrivateKey").value(true))
                .andExpect(jsonPath("$.issuingAuthorityId").value(intermediate))
                .andExpect(jsonPath("$.origin").value("ISSUED"))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.expiryBand").value("OK"))
                .andReturn().getResponse().getContentAsString();
        long certificate = id(issued);

        OpenSslCli.requireAvailable();
        String chain = mvc.perform(get("/api/v1/certificates/" + certificate + "/pem?chain=true").with(auth()))
                .andReturn().getResponse().getContentAsString();
        String[] blocks = chain.split("(?=-----BEGIN CERTIFICATE-----)");
        assertThat(blocks).hasSize(3);
        Path leaf = write("leaf.pem", blocks[0]);
        Path untrusted = write("intermediate.pem", blocks[1]);
        Path trusted = write("root.pem", blocks[2]);
        assertThat(OpenSslCli.ok(null, "verify", "-CAfile", trusted.toString(), "-untrusted", untrusted.toString(),
                "-purpose", "sslserver", "-verify_hostname", "stat-host-7", leaf.toString())).contains("OK");
        assertThat(OpenSslCli.ok(null, "x509", "-in", leaf.toString(), "-noout", "-ext", "crlDistributionPoints"))
                .contains("http://pki.example.test/issuing.crl");
    }

    @Test
    void aCsrIsSignedWithItsSubjectAndSansAndWithoutAKey() throws Exception {
        long ca = createCa(unique("Csr"), null, null);
        post("/api/v1/authorities/" + ca + "/sign-csr", Map.of("csrPem", CertificateFixtures.text("host.csr"), "usage", "BOTH",
                "validityDays", 30, "name", unique("csr-cert")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject").value("CN=csr.example.test,O=Fixture Org"))
                .andExpect(jsonPath("$.sans").value(hasItems("DNS:csr.example.test", "IP:192.0.2.20")))
                .andExpect(jsonPath("$.extendedKeyUsage").value(hasItems("serverAuth", "clientAuth")))
                .andExpect(jsonPath("$.hasPrivateKey").value(false))
                .andExpect(jsonPath("$.origin").value("SIGNED_CSR"))
                .andExpect(jsonPath("$.expiryBand").value("WITHIN_30_DAYS"));
        Map<String, Long> before = CertificateTables.counts(jdbc);
        post("/api/v1/authorities/" + ca + "/sign-csr", Map.of("csrPem", CertificateFixtures.text("weak-rsa-1024.csr"),
                "usage", "SERVER", "validityDays", 30))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("csrPem"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1024 bits")));
        post("/api/v1/authorities/" + ca + "/sign-csr", Map.of("csrPem", "not a csr", "usage", "SIDEWAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("usage", "validityDays")));
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void revokingPublishesACrlListingTheSerialWithItsReason() throws Exception {
        long ca = createCa(unique("Revoking"), null, null);
        String issued = post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=revoked-host",
                "sans", List.of("DNS:revoked-host"), "usage", "SERVER", "validityDays", 200))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long certificate = id(issued);
        String serial = JsonPath.read(issued, "$.serialNumber");

        post("/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", "keyCompromise"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocationReason").value("keyCompromise"))
                .andExpect(jsonPath("$.revokedAt").exists());
        mvc.perform(get("/api/v1/authorities/" + ca).with(auth()))
                .andExpect(jsonPath("$.lastCrlNumber").value(2)).andExpect(jsonPath("$.lastCrl.entries").value(1));
        mvc.perform(get("/api/v1/certificates?status=REVOKED&q=revoked-host").with(auth()))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) certificate)));

        OpenSslCli.requireAvailable();
        long caCertificate = ((Number) JsonPath.read(mvc.perform(get("/api/v1/authorities/" + ca).with(auth()))
                .andReturn().getResponse().getContentAsString(), "$.certificateId")).longValue();
        Path caPem = write("ca.pem", pem(caCertificate));
        Path crl = write("ca.crl", crlDer(ca));
        String text = OpenSslCli.ok(null, "crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", caPem.toString(),
                "-noout", "-text");
        assertThat(text).contains("verify OK").contains("Serial Number: " + serial).contains("Key Compromise");
        String pem = mvc.perform(get("/api/v1/authorities/" + ca + "/crl?format=pem").with(auth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pem).startsWith("-----BEGIN X509 CRL-----");
        assertThat(OpenSslCli.ok(pem.getBytes(), "crl", "-noout", "-crlnumber")).contains("crlNumber=0x02");

        Map<String, Long> before = CertificateTables.counts(jdbc);
        post("/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", "superseded"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("already revoked")));
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void revocationRequestsThatCannotBeHonouredAreRefused() throws Exception {
        long ca = createCa(unique("Refusing"), null, null);
        long certificate = id(post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=kept-host",
                "sans", List.of("DNS:kept-host"), "usage", "SERVER", "validityDays", 10))
                .andReturn().getResponse().getContentAsString());
        Map<String, Long> before = CertificateTables.counts(jdbc);
        post("/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", "becauseISaidSo"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("keyCompromise")));
        post("/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", "removeFromCRL"))
                .andExpect(status().isBadRequest());
        post("/api/v1/certificates/999999/revoke", Map.of("reason", "superseded")).andExpect(status().isNotFound());
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void publishingOnDemandNumbersTheNextCrl() throws Exception {
        long ca = createCa(unique("Publishing"), null, null);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/authorities/" + ca + "/crl").with(auth()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lastCrlNumber").value(2));
        mvc.perform(get("/api/v1/authorities/" + ca + "/crl").with(auth()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pkix-crl"));
        mvc.perform(get("/api/v1/authorities/" + ca + "/crl").param("format", "der").with(auth()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pkix-crl"));
        // a format the console does not serve is a 400 naming the parameter, not DER the client did not ask for
        mvc.perform(get("/api/v1/authorities/" + ca + "/crl").param("format", "xml").with(auth()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("use der (the default) or pem")));
        mvc.perform(get("/api/v1/authorities/" + ca + "/crls").with(auth()))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.items[0].crlNumber").value("2"));
    }

    @Test
    void badCaRequestsListEveryProblemAndStoreNothing() throws Exception {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        post("/api/v1/authorities", Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("name", "subject", "validityDays")));
        post("/api/v1/authorities", Map.of("name", unique("Bad"), "subject", "CN=x", "validityDays", 10,
                "keyAlgorithm", "DSA_1024", "crlDistributionUrl", "ftp://nowhere", "parent", "no such CA"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("keyAlgorithm", "crlDistributionUrl", "parent")));
        post("/api/v1/authorities", Map.of("name", unique("Bad"), "subject", "not a DN", "validityDays", 10))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        post("/api/v1/authorities", Map.of("name", unique("Bad"), "subject", "CN=too long", "validityDays", 100_000))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validityDays"));
        post("/api/v1/authorities", Map.of("name", unique("Bad"), "subject", "CN=x", "validityDays", "ten"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("validityDays")));
        post("/api/v1/authorities/999999/issue", Map.of("subject", "CN=x", "usage", "SERVER", "validityDays", 1))
                .andExpect(status().isNotFound());
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void badIssueRequestsNameTheField() throws Exception {
        long ca = createCa(unique("Strict"), null, null);
        Map<String, Long> before = CertificateTables.counts(jdbc);
        post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=no-san", "usage", "SERVER", "validityDays", 30))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sans"));
        post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=bad-san", "sans", List.of("DNS:bad host"),
                "usage", "SERVER", "validityDays", 30))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sans"));
        post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=long", "sans", List.of("DNS:long"),
                "usage", "SERVER", "validityDays", 5000))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validityDays"));
        post("/api/v1/authorities/" + ca + "/issue", Map.of("usage", "EVERYTHING", "validityDays", 30, "keyAlgorithm", "X"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("usage", "keyAlgorithm", "subject")));
        post("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=x", "sans", List.of("DNS:x"), "usage", "SERVER",
                "validityDays", 30, "colour", "blue"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("colour")));
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aStaleEditIsAConflictWithBothVersions() throws Exception {
        long ca = createCa(unique("Edited"), null, null);
        String name = name(ca);
        String read = mvc.perform(get("/api/v1/authorities/" + ca).with(auth())).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(read, "$.version");
        // a GET's body may be sent back with the changes: read-only fields are ignored
        Map<String, Object> edited = json.readValue(read, Map.class);
        edited.put("crlValidityHours", 48);
        mvc.perform(put("/api/v1/authorities/" + ca).with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(edited)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.crlValidityHours").value(48))
                .andExpect(jsonPath("$.version").value(version + 1));
        mvc.perform(put("/api/v1/authorities/" + ca).with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", name + " renamed", "version", version))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.yourVersion").value(version))
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.current.crlValidityHours").value(48));
        mvc.perform(get("/api/v1/authorities/" + ca).with(auth())).andExpect(jsonPath("$.name").value(name));
    }

    private long createCa(String name, String parent, String keyAlgorithm) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("subject", "CN=" + name + ",O=Tests");
        body.put("validityDays", 3650);
        if (parent != null) {
            body.put("parent", parent);
        }
        if (keyAlgorithm != null) {
            body.put("keyAlgorithm", keyAlgorithm);
        }
        return id(post("/api/v1/authorities", body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private String name(long ca) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/authorities/" + ca).with(auth())).andReturn().getResponse()
                .getContentAsString(), "$.name");
    }

    private String pem(long certificateId) throws Exception {
        return mvc.perform(get("/api/v1/certificates/" + certificateId + "/pem").with(auth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private byte[] crlDer(long ca) throws Exception {
        return mvc.perform(get("/api/v1/authorities/" + ca + "/crl").with(auth()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pkix-crl"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(files.resolve(name), bytes);
    }

    private ResultActions post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(auth())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private RequestPostProcessor auth() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String unique(String prefix) {
        return prefix + " CA " + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }
}
