package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.ini4j.Ini;
import org.ini4j.Profile.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.awaitility.Awaitility;
import java.time.Duration;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tlsconsole.certificates.assignment.DemoCertificatesFixture;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.resolution.SnapshotBuilder;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.EmptyTopology;
import dev.tlsconsole.topology.TopologyApi;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.Rows;
import dev.tlsconsole.topology.bulk.TopologyDocument;
import dev.tlsconsole.topology.bulk.TopologyImport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Genesys interchange end to end through the API: the demo topology goes out as a Genesys archive and
 * comes back into an empty console unchanged; every option file is read back by a second INI parser
 * (ini4j); a dry run writes nothing; a bad line names file and line; an unknown key is kept and flagged;
 * a changed option file updates that key only, and the plan said so with its effect on connections. The
 * certificates and CRLs the demo's options reference travel with it (never a key) and join an empty inventory.
 */
@ConsoleTest
class GenesysInterchangeTests {

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
    @Autowired
    jakarta.persistence.EntityManager entityManager;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theDemoTopologyGoesOutInGenesysFormAndComesBackIntoAnEmptyConsoleUnchanged() {
        new EmptyTopology(transactionManager, jdbc).run(() -> {
            try {
                TopologyDocument demo;
                try (InputStream in = resources.getResource("classpath:demo/topology.json").getInputStream()) {
                    demo = mapper.readValue(in, TopologyDocument.class);
                }
                jsonImport.importDocument(demo);
                // the demo sets no application annex and no OS version: give both levels something to carry
                jdbc.update("insert into application_annex_option (application_id, option_key, option_value)"
                        + " select id, 'sec-protocol', 'TLSv12' from application where name = 'chatserver'");
                jdbc.update("insert into application_annex_option (application_id, option_key, option_value)"
                        + " select id, 'x-site-note', 'kept as it is' from application where name = 'chatserver'");
                jdbc.update("update host set os_version = 'Windows Server 2022' where os_type = 'WINDOWS'");
                int issued = DemoCertificatesFixture.seed(context);
                Map<String, String> original = state();
                assertThat(original.values()).anyMatch(v -> v.contains("x-site-note=kept as it is"));
                // the findings that need the certificates' content are there to come back
                assertThat(original.values()).anyMatch(v -> v.contains("CERT_REVOKED"));
                assertThat(original.values()).anyMatch(v -> v.contains("CERT_EXPIRING"));
                assertThat(original.values()).anyMatch(v -> v.contains("HOST_NAME_MISMATCH"));
                assertThat(original.keySet().stream().filter(k -> k.startsWith("connection:"))).hasSize(40);

                byte[] zip = api.asAdmin(get("/api/v1/exports/genesys")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsByteArray();
                Map<String, String> files = unzip(zip);
                assertThat(files).containsKeys("README.md", "hosts.csv", "applications.csv", "ports.csv", "connections.csv",
                        "hosts/cfg-bak-01.annex.cfg", "applications/chatserver.options.cfg", "applications/chatserver.annex.cfg",
                        "runbooks/cfg-bak-01.md", "config-files/mgmt-01/lca.cfg");
                assertThat(files.keySet().stream().filter(f -> f.startsWith("hosts/"))).hasSize(14);
                assertThat(files.keySet().stream().filter(f -> f.endsWith(".options.cfg"))).hasSize(25);
                assertThat(files.keySet()).noneMatch(f -> f.endsWith(".key"));
                assertThat(files.values()).noneMatch(text -> text.contains("PRIVATE KEY"));
                // every demo certificate the options reference, and the CA that issued them, as public PEM with its path
                long certificateFiles = files.keySet().stream().filter(f -> f.startsWith("certificates/")).count();
                assertThat(certificateFiles).isEqualTo(issued + 1);
                assertThat(files.get("certificates/ors-02.pem")).startsWith("# Certificate: ors-02\n")
                        .contains("# Deployed at: /opt/genesys/certs/ors-02.pem (CERTIFICATE)", "-----BEGIN CERTIFICATE-----");
                String crlFile = "crls/CN_Genesys_Demo_Root_CA_O_Example_Contact_Centre.crl";
                assertThat(files.keySet().stream().filter(f -> f.startsWith("crls/"))).containsExactly(crlFile);
                assertThat(files.get(crlFile)).contains("# Deployed at: /opt/genesys/crl/genesys-ca.crl (CRL)",
                        "-----BEGIN X509 CRL-----");
                String readme = files.get("README.md");
                assertThat(readme).contains("`certificates/ors-02.pem`", "`/opt/genesys/certs/ors-02.pem`", "`" + crlFile + "`",
                        "`/opt/genesys/crl/genesys-ca.crl`");
                // the order: certificates and CRLs go on the hosts before the options that reference them
                assertThat(readme.indexOf("`certificates/` and `crls/`")).isPositive()
                        .isLessThan(readme.indexOf("import each server's options"));
                for (Map.Entry<String, String> file : files.entrySet()) {
                    if (file.getKey().endsWith(".cfg")) {
                        readBackBySecondParser(file.getKey(), file.getValue());
                    }
                }

                for (Map.Entry<String, String> runbook : files.entrySet()) {
                    if (runbook.getKey().startsWith("runbooks/")) {
                        String text = runbook.getValue();
                        assertThat(text).as(runbook.getKey()).startsWith("# Runbook: ");
                        int files0 = Math.max(text.indexOf("**Files**"), text.indexOf("**Certificates**"));
                        assertThat(files0).as(runbook.getKey()).isPositive();
                        assertThat(text.indexOf("**Options**")).isGreaterThan(files0);
                        assertThat(text.indexOf("**When changes take effect**")).isGreaterThan(text.indexOf("**Options**"));
                        assertThat(text.indexOf("**Restart**")).isGreaterThan(text.indexOf("**When changes take effect**"));
                        assertThat(text.indexOf("**Peers in the same window**")).isGreaterThan(text.indexOf("**Restart**"));
                    }
                }
                assertThat(files.get("runbooks/cfg-bak-01.md")).contains("Security Pack", "LD_LIBRARY_PATH",
                        "/opt/genesys/certs/cfg-bak-01.key", "0600", "restart LCA first");
                // restart rules per option, each with how sure it is and its source
                assertThat(files.get("runbooks/cfg-bak-01.md")).contains(
                        ": take effect after the application restarts [unconfirmed, inferred",
                        "Security Pack installed or upgraded: every TLS application restarts [documented: ")
                        .doesNotContain("restart to be sure [unconfirmed per option");
                assertThat(files.values().stream().filter(text -> text.startsWith("# Runbook: ")))
                        .anyMatch(text -> text.contains("`tls-mutual`") && text.contains("take effect immediately [documented: "));

                jdbc.update("delete from connection");
                jdbc.update("update application set backup_id = null");
                jdbc.update("delete from listening_port");
                jdbc.update("delete from application_option");
                jdbc.update("delete from application");
                jdbc.update("delete from host_option");
                jdbc.update("delete from host");
                // an empty inventory too: the demo CA, its CRLs and the certificates it issued (deployments cascade)
                DemoCertificatesFixture.forget(jdbc);
                assertThat(state()).isNotEqualTo(original);

                long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
                String plan = importing(zip, "genesys.zip", "false").andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                JsonNode answer = mapper.readTree(plan);
                assertThat(answer.get("create").size()).isEqualTo(14 + 25 + 40);
                assertThat(answer.get("update").size()).isZero();
                assertThat(answer.get("inventory").size()).isEqualTo(certificateFiles + 1);
                assertThat(answer.get("inventory").findValuesAsString("action")).containsOnly("ADD");
                assertThat(state()).isEqualTo(original);
                assertThat(jdbc.queryForObject("select count(*) from certificate c join certificate_deployment d"
                        + " on d.certificate_id = c.id where c.name = 'ors-02' and d.path = '/opt/genesys/certs/ors-02.pem'",
                        Integer.class)).isOne();
                // written in batches, still one audit entry per object, chained so that the trail verifies
                assertThat(jdbc.queryForList("select action || '=' || count(*) from audit_entry where id > ?"
                        + " and action like '%.create' group by action order by action", String.class, auditBefore))
                        .containsExactly("application.create=25", "connection.create=40", "host.create=14");
                assertThat(jdbc.queryForObject("select count(*) from audit_entry where id > ? and action = 'connection.create'"
                        + " and object_id is not null and after_state like '%\"transport\"%'", Integer.class, auditBefore))
                        .isEqualTo(40);
                JsonNode verification = mapper.readTree(api.asAdmin(get("/api/v1/audit/verify")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString());
                assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
                // one entry per certificate and CRL added (the last one may still wait in the persistence context)
                entityManager.flush();
                assertThat(jdbc.queryForList("select action || '=' || count(*) from audit_entry where id > ?"
                        + " and action like '%.import' group by action order by action", String.class, auditBefore))
                        .containsExactly("certificate.import=" + certificateFiles, "crl.import=1");

                // imported again: every certificate and the CRL are there already
                JsonNode again = mapper.readTree(importing(zip, "genesys.zip", "true").andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString());
                assertThat(again.get("inventory").findValuesAsString("action")).containsOnly("PRESENT");
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the rolled-back certificates may have been cached under a revision number a later commit would reuse
        DemoCertificatesFixture.forgetRolledBackRevisions(transactionManager, jdbc);
    }

    @Test
    void aDryRunWritesNothingAndAnApplyChangesExactlyOneKeyWithTheEffectThePlanShowed() throws Exception {
        Pair pair = pair();
        TopologyApi.Counts before = api.counts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        String newHost = TopologyApi.unique("gx-new");
        Map<String, String> files = new TreeMap<>();
        files.put("applications/" + OptionFiles.fileName(pair.server) + ".options.cfg",
                "# Application options: " + pair.server + "\n[security]\nsec-protocol=TLSv12\ntls-mutual=1\n");
        files.put("hosts.csv", "name,ipAddress,osType,osVersion,securityPackVersion\r\n" + newHost + ","
                + TopologyApi.uniqueIp() + ",UNIX,RHEL 9,8.5.100.25\r\n");
        byte[] zip = zip(files);

        JsonNode dry = mapper.readTree(importing(zip, "changes.zip", "true").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(api.counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select max(id) from audit_entry", Long.class)).isEqualTo(auditBefore);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("create").toString()).isEqualTo("[{\"type\":\"HOST\",\"name\":\"" + newHost + "\"}]");
        assertThat(dry.get("update").toString()).isEqualTo("[{\"type\":\"APPLICATION\",\"name\":\"" + pair.server
                + "\",\"level\":\"APPLICATION\",\"set\":{\"tls-mutual\":\"1\"},\"unset\":[]}]");
        assertThat(dry.get("delete").size()).isZero();
        JsonNode changed = dry.get("impact").get("changed");
        assertThat(dry.get("impact").get("impacted").asInt()).isEqualTo(1);
        assertThat(changed.size()).isEqualTo(1);
        assertThat(changed.get(0).get("connectionId").asLong()).isEqualTo(pair.connection);
        assertThat(changed.get(0).get("after").get("mode").asString()).isEqualTo("MUTUAL_TLS");
        assertThat(changed.get(0).get("before").get("mode").asString()).isNotEqualTo("MUTUAL_TLS");

        JsonNode applied = mapper.readTree(importing(zip, "changes.zip", "false").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(applied.get("update")).isEqualTo(dry.get("update"));
        assertThat(applied.get("impact")).isEqualTo(dry.get("impact"));
        assertThat(jdbc.queryForList("select option_key || '=' || option_value from application_option o join application a"
                + " on a.id = o.application_id where a.name = ? order by option_key", String.class, pair.server))
                .containsExactly("sec-protocol=TLSv12", "tls-mutual=1");
        assertThat(jdbc.queryForObject("select os_version from host where name = ?", String.class, newHost)).isEqualTo("RHEL 9");
        assertThat(jdbc.queryForList("select action from audit_entry where id > ? order by id", String.class, auditBefore))
                .containsExactly("host.create", "application.update", "topology.import.genesys");
        assertThat(mapper.readTree(api.asAdmin(get("/api/v1/connections/" + pair.connection + "/effective-policy"))
                .andReturn().getResponse().getContentAsString()).get("mode").asString()).isEqualTo("MUTUAL_TLS");
    }

    @Test
    void theImportPageRunsPlanAndApplyAsJobsWhoseProgressItFollows() throws Exception {
        String newHost = TopologyApi.unique("gx-job");
        byte[] zip = zip(Map.of("hosts.csv", "name,ipAddress,osType,osVersion,securityPackVersion\r\n" + newHost + ","
                + TopologyApi.uniqueIp() + ",UNIX,RHEL 9,8.5.100.25\r\n"));
        MockHttpSession session = new MockHttpSession();
        var operator = SecurityMockMvcRequestPostProcessors.user("job-operator").roles("OPERATOR");

        JsonNode plan = mapper.readTree(mvc.perform(multipart("/imports/jobs").file(new MockMultipartFile("file", "job.zip",
                "application/zip", zip)).session(session).with(operator).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode status = finished(plan.get("status").asString(), session, operator);
        assertThat(status.get("phase").asString()).isEqualTo("DONE");
        assertThat(status.get("label").asString()).isEqualTo("Done");
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        // another user does not see the job
        mvc.perform(get(plan.get("status").asString()).with(SecurityMockMvcRequestPostProcessors.user("someone-else")
                .roles("OPERATOR"))).andExpect(status().isNotFound());
        // the plan waits in the browser session (kept in the database: its cookie carries it to the apply)
        jakarta.servlet.http.Cookie browser = mvc.perform(get(plan.get("result").asString()).session(session).with(operator))
                .andExpect(status().isOk()).andExpect(MockMvcResultMatchers.model().attributeExists("plan"))
                .andReturn().getResponse().getCookie("TLSCONSOLE_SESSION");
        assertThat(browser).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Integer.class, newHost)).isZero();

        JsonNode apply = mapper.readTree(mvc.perform(MockMvcRequestBuilders.post("/imports/apply/jobs").session(session)
                .cookie(browser).with(operator).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        finished(apply.get("status").asString(), session, operator);
        mvc.perform(get(apply.get("result").asString()).session(session).cookie(browser).with(operator)).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.model().attributeExists("applied"));
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Integer.class, newHost)).isOne();
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'host.create' and object_name = ?",
                String.class, newHost)).isEqualTo("job-operator");
        // the plan is gone once applied
        mvc.perform(MockMvcRequestBuilders.post("/imports/apply/jobs").session(session).cookie(browser).with(operator)
                .with(SecurityMockMvcRequestPostProcessors.csrf())).andExpect(status().isConflict());
    }

    @Test
    void theImportPageListsTheCertificatesThatCameWithTheFiles() throws Exception {
        byte[] zip = zip(Map.of("certificates/root-ca.pem", "# Certificate: fixture root\n"
                + dev.tlsconsole.certificates.CertificateFixtures.text("root-ca.pem")));
        MockHttpSession session = new MockHttpSession();
        var operator = SecurityMockMvcRequestPostProcessors.user("pem-operator").roles("OPERATOR");
        JsonNode plan = mapper.readTree(mvc.perform(multipart("/imports/jobs").file(new MockMultipartFile("file", "pem.zip",
                "application/zip", zip)).session(session).with(operator).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        finished(plan.get("status").asString(), session, operator);
        String page = mvc.perform(get(plan.get("result").asString()).session(session).with(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"plan-inventory\"", "certificates/root-ca.pem")
                .containsAnyOf("joins the inventory", "already in the inventory");
    }

    private JsonNode finished(String statusUrl, MockHttpSession session,
            org.springframework.test.web.servlet.request.RequestPostProcessor user) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = mapper.readTree(mvc.perform(get(statusUrl).session(session).with(user)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            return last[0].get("finished").asBoolean();
        });
        return last[0];
    }

    @Test
    void aFileWithOneMalformedLineChangesNothingAndNamesFileAndLine() throws Exception {
        Pair pair = pair();
        TopologyApi.Counts before = api.counts();
        String file = "applications/" + OptionFiles.fileName(pair.server) + ".options.cfg";
        Map<String, String> files = new TreeMap<>();
        files.put("hosts.csv", "name,ipAddress,osType,osVersion,securityPackVersion\r\n" + TopologyApi.unique("gx-bad") + ","
                + TopologyApi.uniqueIp() + ",UNIX,,8.5.1\r\n");
        files.put(file, "# Application options: " + pair.server + "\n[security]\nsec-protocol TLSv12\ntls-mutual=1\n");
        String answer = importing(zip(files), "bad.zip", "false").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        JsonNode error = mapper.readTree(answer).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(file + ":3");
        assertThat(error.get("message").asString()).contains(file, "line 3", "not an INI line");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void anArchiveThatCannotBeReadIsA400NamingItNotAFileToIgnore() throws Exception {
        Pair pair = pair();
        TopologyApi.Counts before = api.counts();
        // named as the archive, but not a ZIP at all
        JsonNode error = mapper.readTree(importing("PK not really an archive".getBytes(StandardCharsets.UTF_8), "export.zip", "false")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("export.zip");
        assertThat(error.get("message").asString()).contains("not a ZIP archive");
        // a real archive cut short in the middle of its entries
        Map<String, String> files = new TreeMap<>();
        files.put("applications/" + OptionFiles.fileName(pair.server) + ".options.cfg",
                "# Application options: " + pair.server + "\n[security]\ntls-mutual=1\n# "
                        + java.util.Base64.getEncoder().encodeToString(randomBytes(6000))
                        + "\n"); // incompressible, so that the cut falls inside the entry
        byte[] whole = zip(files);
        error = mapper.readTree(importing(java.util.Arrays.copyOf(whole, whole.length / 2), "cut.zip", "false")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("cut.zip");
        assertThat(error.get("message").asString()).containsAnyOf("could not be read", "not a readable ZIP archive")
                .doesNotContain("null");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aMalformedCertificateOrOneWithAPrivateKeyChangesNothingAndNamesTheFile() throws Exception {
        TopologyApi.Counts before = api.counts();
        int certificates = jdbc.queryForObject("select count(*) from certificate", Integer.class);
        String hosts = "name,ipAddress,osType,osVersion,securityPackVersion\r\n" + TopologyApi.unique("gx-pem") + ","
                + TopologyApi.uniqueIp() + ",UNIX,,8.5.1\r\n";
        Map<String, String> broken = new TreeMap<>();
        broken.put("hosts.csv", hosts);
        broken.put("certificates/broken.pem", "# Certificate: broken\n-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n");
        JsonNode error = mapper.readTree(importing(zip(broken), "broken.zip", "false").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("certificates/broken.pem");
        assertThat(error.get("message").asString()).startsWith("certificates/broken.pem: ");

        Map<String, String> withKey = new TreeMap<>();
        withKey.put("hosts.csv", hosts);
        withKey.put("certificates/keyed.pem", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n");
        error = mapper.readTree(importing(zip(withKey), "keyed.zip", "false").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("certificates/keyed.pem");
        assertThat(error.get("message").asString()).contains("private key");

        Map<String, String> badCrl = new TreeMap<>();
        badCrl.put("hosts.csv", hosts);
        badCrl.put("crls/issuer.crl", "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
        error = mapper.readTree(importing(zip(badCrl), "crl.zip", "false").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("crls/issuer.crl");
        assertThat(api.counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from certificate", Integer.class)).isEqualTo(certificates);
    }

    @Test
    void anUnknownKeyImportsIsKeptAndFlaggedAndOtherSectionsAreLeftAlone() throws Exception {
        Pair pair = pair();
        String text = "# Application options: " + pair.client + "\n[security]\nx-custom-flag=on\n[log]\nverbose=all\n";
        String answer = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/imports/genesys")
                        .file(new MockMultipartFile("file", "client.options.cfg", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", "false")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode plan = mapper.readTree(answer);
        assertThat(plan.get("warnings").toString()).contains("\"line\":3", "x-custom-flag", "[log]");
        assertThat(plan.get("update").get(0).get("set").get("x-custom-flag").asString()).isEqualTo("on");
        assertThat(jdbc.queryForObject("select option_value from application_option o join application a on a.id = o.application_id"
                + " where a.name = ? and option_key = 'x-custom-flag'", String.class, pair.client)).isEqualTo("on");
    }

    /** A server with one secure port and {@code sec-protocol} set, and a client connected to it with TLS. */
    private Pair pair() throws Exception {
        String host = TopologyApi.unique("gx-host");
        api.host(host, "{\"certificate\":\"/opt/genesys/certs/" + host + ".pem\",\"certificate-key\":\"/opt/genesys/certs/"
                + host + ".key\",\"trusted-ca\":\"/opt/genesys/certs/ca.pem\"}");
        String server = TopologyApi.unique("gx-cs");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},\"ports\":[{\"portId\":\"default\","
                + "\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1\"}]}");
        String client = TopologyApi.unique("gx-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");
        return new Pair(server, client, connection);
    }

    record Pair(String server, String client, long connection) {
    }

    /** ini4j, not the writer's library: the file has [security], and ini4j reads the same keys and values. */
    private void readBackBySecondParser(String name, String text) throws IOException {
        Ini ini = new Ini();
        ini.getConfig().setEscape(false);
        ini.load(new StringReader(text));
        Section security = ini.get("security");
        assertThat(security).as(name + " has [security]").isNotNull();
        assertThat(ini.keySet()).as(name + " has only [security]").containsExactly("security");
        String firstLine = text.lines().findFirst().orElseThrow();
        assertThat(firstLine).as(name).startsWith("# ");
        if (name.startsWith("config-files/")) {
            return;
        }
        OptionFiles.OptionFile read = OptionFiles.read(name, text, null);
        Map<String, String> second = new TreeMap<>();
        security.forEach((key, value) -> second.put(key, value));
        assertThat(second).as(name).isEqualTo(read.security());
        assertThat(firstLine).endsWith(": " + read.name());
    }

    /** Every object by name with its attributes and sections, and every connection with its effective summary. */
    private Map<String, String> state() {
        Rows rows = reader.readAll();
        RowIndex index = new RowIndex(rows);
        Map<String, String> state = new TreeMap<>();
        rows.hosts().forEach(h -> state.put("host:" + h.name(), h.ipAddress() + "|" + h.osType() + "|" + h.osVersion() + "|"
                + h.securityPackVersion() + "|" + index.hostSection(h.id())));
        rows.applications().forEach(a -> state.put("application:" + a.name(), a.componentType() + "|" + a.componentVersion()
                + "|" + index.hosts.get(a.hostId()).name() + "|"
                + (a.backupId() == null ? null : index.applications.get(a.backupId()).name()) + "|"
                + index.applicationSection(a.id()) + "|annex " + index.applicationAnnex(a.id())));
        rows.ports().forEach(p -> state.put("port:" + index.applications.get(p.applicationId()).name() + ":" + p.portId(),
                p.number() + "|" + p.listeningMode() + "|" + p.transport() + "|" + p.ordinal()));
        TopologySnapshot snapshot = SnapshotBuilder.snapshot(rows);
        PolicySettings frozen = new PolicySettings(Clock.fixed(settings.clock().instant(), settings.clock().getZone()),
                settings.expiryWarning(), settings.windowsMinimum(), settings.windowsMaximum());
        Map<Long, String> transports = new LinkedHashMap<>();
        rows.connections().forEach(c -> transports.put(c.id(), c.transport()));
        // the inventory as this transaction sees it (the console's cached facts know only committed certificates)
        for (EffectivePolicy policy : new PolicyResolver(linkRules, inventoryFacts.snapshot()).resolveAll(snapshot, frozen)) {
            state.put("connection:" + policy.client().application().name() + "->" + policy.server().application().name() + ":"
                    + policy.server().portId(), transports.get(policy.connectionId()) + "|" + policy.summary());
        }
        return state;
    }

    org.springframework.test.web.servlet.ResultActions importing(byte[] content, String name, String dryRun) throws Exception {
        return mvc.perform(upload(content, name).param("dryRun", dryRun).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
                        .roles("ADMIN")));
    }

    static MockMultipartHttpServletRequestBuilder upload(byte[] content, String name) {
        return MockMvcRequestBuilders.multipart("/api/v1/imports/genesys")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content));
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(length).nextBytes(bytes);
        return bytes;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
