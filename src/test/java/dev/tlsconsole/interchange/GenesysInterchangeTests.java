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
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tlsconsole.effective.SnapshotBuilder;
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
 * a changed option file updates that key only, and the plan said so with its effect on connections.
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
    PolicyResolver resolver;
    @Autowired
    PolicySettings settings;
    @Autowired
    ResourceLoader resources;

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
                Map<String, String> original = state();
                assertThat(original.keySet().stream().filter(k -> k.startsWith("connection:"))).hasSize(40);

                byte[] zip = api.asAdmin(get("/api/v1/exports/genesys")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsByteArray();
                Map<String, String> files = unzip(zip);
                assertThat(files).containsKeys("README.md", "hosts.csv", "applications.csv", "ports.csv", "connections.csv",
                        "hosts/cfg-bak-01.annex.cfg", "applications/chatserver.options.cfg", "runbooks/cfg-bak-01.md");
                assertThat(files.keySet().stream().filter(f -> f.startsWith("hosts/"))).hasSize(14);
                assertThat(files.keySet().stream().filter(f -> f.endsWith(".options.cfg"))).hasSize(25);
                assertThat(files.keySet()).noneMatch(f -> f.endsWith(".key"));
                assertThat(files.values()).noneMatch(text -> text.contains("PRIVATE KEY"));
                for (Map.Entry<String, String> file : files.entrySet()) {
                    if (file.getKey().endsWith(".cfg")) {
                        readBackBySecondParser(file.getKey(), file.getValue());
                    }
                }

                jdbc.update("delete from connection");
                jdbc.update("update application set backup_id = null");
                jdbc.update("delete from listening_port");
                jdbc.update("delete from application_option");
                jdbc.update("delete from application");
                jdbc.update("delete from host_option");
                jdbc.update("delete from host");

                String plan = importing(zip, "genesys.zip", "false").andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                JsonNode answer = mapper.readTree(plan);
                assertThat(answer.get("create").size()).isEqualTo(14 + 25 + 40);
                assertThat(answer.get("update").size()).isZero();
                assertThat(state()).isEqualTo(original);
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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
        rows.hosts().forEach(h -> state.put("host:" + h.name(), h.ipAddress() + "|" + h.osType() + "|"
                + h.securityPackVersion() + "|" + index.hostSection(h.id())));
        rows.applications().forEach(a -> state.put("application:" + a.name(), a.componentType() + "|" + a.componentVersion()
                + "|" + index.hosts.get(a.hostId()).name() + "|"
                + (a.backupId() == null ? null : index.applications.get(a.backupId()).name()) + "|"
                + index.applicationSection(a.id())));
        rows.ports().forEach(p -> state.put("port:" + index.applications.get(p.applicationId()).name() + ":" + p.portId(),
                p.number() + "|" + p.listeningMode() + "|" + p.transport() + "|" + p.ordinal()));
        TopologySnapshot snapshot = SnapshotBuilder.snapshot(rows);
        PolicySettings frozen = new PolicySettings(Clock.fixed(settings.clock().instant(), settings.clock().getZone()),
                settings.expiryWarning(), settings.windowsMinimum(), settings.windowsMaximum());
        Map<Long, String> transports = new LinkedHashMap<>();
        rows.connections().forEach(c -> transports.put(c.id(), c.transport()));
        for (EffectivePolicy policy : resolver.resolveAll(snapshot, frozen)) {
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
