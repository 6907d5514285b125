package dev.tlsconsole.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** The catalog API as API.md writes it: what a script gets back, and the 400s that name what was wrong. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogApiTests {

    private static final String CHECK = "/api/v1/catalog/links/check";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Catalog catalog;

    private String auditor;

    @BeforeAll
    void anAuditor() {
        auditor = accounts.create("catalog-auditor", Role.AUDITOR).username();
    }

    private ResultActions read(String path, String... params) throws Exception {
        var request = get(path).with(httpBasic(auditor, TestAccounts.PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void componentsListEveryComponentWithGroupAndNotes() throws Exception {
        read("/api/v1/catalog/components")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(catalog.components().size()))
                .andExpect(jsonPath("$[?(@.name == 'Chat Server')].group").value("eServices"))
                .andExpect(jsonPath("$[?(@.name == 'Universal Contact Server')].notes[*]",
                        hasItem(containsString("log on as a local host user"))))
                .andExpect(jsonPath("$[?(@.name == 'Universal Contact Server')].aliases[*]", hasItem("UCS")))
                .andExpect(jsonPath("$[?(@.name == 'Local Control Agent')].noteDetails[0].kind").value("CONFIG_FILE_ONLY"))
                .andExpect(jsonPath("$[?(@.name == 'Local Control Agent')].configFile").value("lca.cfg"))
                .andExpect(jsonPath("$[?(@.name == 'Configuration Server')].autoDetect").value(true));
    }

    @Test
    void oneComponentByAliasAndAnUnknownOneIs404() throws Exception {
        read("/api/v1/catalog/components/UCS")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Universal Contact Server"))
                .andExpect(jsonPath("$.traits[*]", hasItem("SERVER")))
                .andExpect(jsonPath("$.linksAsServer").value(org.hamcrest.Matchers.greaterThan(0)));
        read("/api/v1/catalog/components/Nope Server")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Nope Server")));
    }

    @Test
    void linksWithoutFilterAreTheWholeMatrix() throws Exception {
        read("/api/v1/catalog/links")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(catalog.links().size()))
                .andExpect(jsonPath("$[?(@.id == 'chat-server--interaction-server')].fromMinVersion").value("8.1.0"))
                .andExpect(jsonPath("$[?(@.id == 'chat-server--interaction-server')].portRule").value("DEFAULT_OR_ALTERNATE"))
                .andExpect(jsonPath("$[?(@.id == 'icon-all-servers')].wildcard").value(true));
    }

    @Test
    void linksFilteredByClientKeepOnlyWhatItMayUse() throws Exception {
        int expected = catalog.linksFor("Chat Server", null).size();
        read("/api/v1/catalog/links", "from", "chat server")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(expected))
                .andExpect(jsonPath("$[*].id", hasItem("chat-server--interaction-server")))
                .andExpect(jsonPath("$[*].id", not(hasItem("interaction-server--chat-server"))));
        assertThat(expected).isLessThan(catalog.links().size());
    }

    @Test
    void linksFilteredByBothSidesAcceptAliasesAndShowTheRequiredPortName() throws Exception {
        read("/api/v1/catalog/links", "from", "IXN", "to", "Chat Server")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'interaction-server--chat-server')].portRule").value("REQUIRED_NAME"))
                .andExpect(jsonPath("$[?(@.id == 'interaction-server--chat-server')].requiredPortName").value("ESP"))
                .andExpect(jsonPath("$[*].from", everyItem(not(containsString("Universal Contact")))));
        read("/api/v1/catalog/links", "from", "UCS", "to", "Chat Server")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anUnknownComponentInTheLinkFilterIsA400NamingIt() throws Exception {
        read("/api/v1/catalog/links", "from", "Chat Server", "to", "Nope Server")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Nope Server")))
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message", containsString("'Nope Server'")))
                .andExpect(jsonPath("$.errors.length()").value(1));
    }

    @Test
    void aSupportedLink() throws Exception {
        read(CHECK, "from", "Chat Server", "fromVersion", "8.1.0", "to", "Interaction Server", "toVersion", "8.1.0")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(true))
                .andExpect(jsonPath("$.link.id").value("chat-server--interaction-server"))
                .andExpect(jsonPath("$.link.from").value("Chat Server"))
                .andExpect(jsonPath("$.link.toMinVersion").value("8.1.0"))
                .andExpect(jsonPath("$.reasons.length()").value(0));
    }

    @Test
    void aPairTheMatrixDoesNotListIsUnsupportedWithoutALink() throws Exception {
        read(CHECK, "from", "UCS", "fromVersion", "8.1.0", "to", "Chat Server", "toVersion", "8.1.0")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(false))
                .andExpect(jsonPath("$.listed").value(false))
                .andExpect(jsonPath("$.link").value(nullValue()))
                .andExpect(content().string(containsString("\"link\":null")))
                .andExpect(jsonPath("$.reasons[0]", containsString("is not in the supported-component matrix")))
                .andExpect(jsonPath("$.reasonDetails[0].kind").value("NOT_LISTED"));
    }

    @Test
    void aTooOldClientIsUnsupportedAndSaysWhichMinimum() throws Exception {
        read(CHECK, "from", "Chat Server", "fromVersion", "8.0.5", "to", "Interaction Server", "toVersion", "8.1.0")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(false))
                .andExpect(jsonPath("$.listed").value(true))
                .andExpect(jsonPath("$.link.id").value("chat-server--interaction-server"))
                .andExpect(jsonPath("$.reasons[0]", containsString("8.0.5 is older than 8.1.0")))
                .andExpect(jsonPath("$.reasonDetails[0].kind").value("VERSION_TOO_OLD"))
                .andExpect(jsonPath("$.reasonDetails[0].blocking").value(true));
    }

    @Test
    void interactionServerMustUseChatServersEspPort() throws Exception {
        read(CHECK, "from", "Interaction Server", "fromVersion", "8.1.0", "to", "Chat Server", "toVersion", "8.1.0",
                "port", "default")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(false))
                .andExpect(jsonPath("$.link.portRule").value("REQUIRED_NAME"))
                .andExpect(jsonPath("$.reasons[0]", containsString("ESP")))
                .andExpect(jsonPath("$.reasonDetails[0].kind").value("PORT_NAME_REQUIRED"));
        read(CHECK, "from", "Interaction Server", "fromVersion", "8.1.0", "to", "Chat Server", "toVersion", "8.1.0",
                "port", "ESP")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(true));
    }

    @Test
    void unknownVersionsAreReportedButDoNotFailTheLink() throws Exception {
        read(CHECK, "from", "Chat Server", "to", "Interaction Server")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(true))
                .andExpect(jsonPath("$.reasonDetails[*].kind", hasItem("VERSION_UNKNOWN")))
                .andExpect(jsonPath("$.reasonDetails[0].blocking").value(false));
    }

    static Stream<Arguments> badChecks() {
        return Stream.of(
                Arguments.of(new String[] {"from", "Nope Server", "to", "Chat Server"}, "from", "Nope Server"),
                Arguments.of(new String[] {"from", "Chat Server", "to", "Imaginary Proxy"}, "to", "Imaginary Proxy"),
                Arguments.of(new String[] {"from", "Chat Server", "fromVersion", "8.x", "to", "Interaction Server"},
                        "fromVersion", "'8.x' is not a version"),
                Arguments.of(new String[] {"from", "Chat Server", "to", "Interaction Server", "toVersion", "latest"},
                        "toVersion", "'latest' is not a version"),
                Arguments.of(new String[] {"to", "Interaction Server"}, "from", "is required"),
                Arguments.of(new String[] {"from", "Chat Server", "to", " "}, "to", "is required"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badChecks")
    void aBadCheckIsA400NamingTheParameter(String[] params, String field, String message) throws Exception {
        read(CHECK, params)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", containsString(message)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));
    }

    @Test
    void everyMistakeOfACheckIsReportedAtOnce() throws Exception {
        read(CHECK, "fromVersion", "eight", "to", "Nope Server")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("from", "fromVersion", "to")));
    }

    @Test
    void theCsvExportReadsBackAsTheLinks() throws Exception {
        var response = read("/api/v1/catalog/links.csv")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("filename=\"catalog-links.csv\"")))
                .andReturn().getResponse();
        List<CSVRecord> rows = parse(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rows).hasSize(catalog.links().size());
        assertThat(rows).filteredOn(r -> r.get("id").equals("interaction-server--chat-server")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("from")).isEqualTo("Interaction Server");
                    assertThat(r.get("to")).isEqualTo("Chat Server");
                    assertThat(r.get("portRule")).isEqualTo("REQUIRED_NAME");
                    assertThat(r.get("requiredPortName")).isEqualTo("ESP");
                });
    }

    @Test
    void theCsvExportTakesTheSameFilters() throws Exception {
        String csv = read("/api/v1/catalog/links.csv", "from", "Chat Server")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(parse(csv)).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(catalog.linksFor("Chat Server", null).stream().map(l -> l.id()).toList());
        read("/api/v1/catalog/links.csv", "from", "Nope Server")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @ParameterizedTest(name = "{0} needs credentials")
    @ValueSource(strings = {"/api/v1/catalog/components", "/api/v1/catalog/links", "/api/v1/catalog/links.csv",
        "/api/v1/catalog/links/check?from=Chat%20Server&to=Interaction%20Server", "/api/v1/catalog/components/UCS"})
    void withoutCredentialsTheCatalogIs401(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0} may read the catalog")
    @ValueSource(strings = {"OPERATOR", "ADMIN"})
    void theOtherRolesMayReadItToo(Role role) throws Exception {
        String user = accounts.create("catalog-" + role.name().toLowerCase(), role).username();
        mvc.perform(get("/api/v1/catalog/links/check").param("from", "Chat Server").param("to", "Interaction Server")
                        .with(httpBasic(user, TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(true));
    }

    private static List<CSVRecord> parse(String csv) throws java.io.IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
