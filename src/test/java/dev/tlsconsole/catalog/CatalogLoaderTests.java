package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.tlsconsole.policy.Version;

/**
 * A broken catalog must stop the application with a message naming the line to fix. Each test feeds a small
 * catalog with one mistake and checks the reported line (found by a marker in the snippet, so the tests do not
 * depend on counting lines by hand) and the words of the message.
 */
class CatalogLoaderTests {

    private static final String HEADER = """
            notes:
              - {id: java, kind: PRODUCT_SPECIFIC, text: Java server, source: test}
            groups:
              - {name: eServices, description: test group}
            components:
              - {name: Chat Server, group: eServices, aliases: [ChatServer], traits: [server], source: test}
              - {name: Interaction Server, group: eServices, aliases: [IXN], traits: [server], notes: [java], source: test}
            """;

    static Catalog load(String yaml) {
        return CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    /** The 1-based line of the first line containing {@code marker}. */
    static int lineOf(String yaml, String marker) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not in snippet: " + marker);
    }

    private static void assertFailsAt(String yaml, String marker, String... words) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> {
                    CatalogException error = (CatalogException) e;
                    assertThat(error.line()).as("line of the error").isEqualTo(lineOf(yaml, marker));
                    assertThat(error.getMessage()).startsWith("test.yaml line " + error.line() + ", column ");
                    assertThat(error.getMessage()).contains(words);
                });
    }

    @Test
    void loadsAValidCatalogAndResolvesNamesAndAliasesIgnoringCase() {
        Catalog catalog = load(HEADER + """
                links:
                  - {from: Chat Server, fromMinVersion: 8.1.0, to: [Interaction Server], source: table}
                  - {from: IXN, to: chatserver, portRule: REQUIRED_NAME, requiredPortName: ESP, source: table}
                """);

        assertThat(catalog.find("  chat   SERVER ")).map(Component::name).contains("Chat Server");
        assertThat(catalog.find("ixn")).map(Component::name).contains("Interaction Server");
        assertThat(catalog.find("Chat")).isEmpty();
        assertThat(catalog.explicitLinks()).extracting(SupportedLink::id)
                .containsExactly("chat-server--interaction-server", "interaction-server--chat-server");
        SupportedLink esp = catalog.explicitLinks().get(1);
        assertThat(esp.portRule()).isEqualTo(PortRule.REQUIRED_NAME);
        assertThat(esp.requiredPortName()).isEqualTo("ESP");
        assertThat(catalog.explicitLinks().get(0).from().minVersion()).isEqualTo(Version.parse("8.1.0"));
        assertThat(catalog.find("IXN").orElseThrow().notes()).extracting(Note::kind)
                .containsExactly(NoteKind.PRODUCT_SPECIFIC);
    }

    @Test
    void aListOfTargetsBecomesOneLinkPerTarget() {
        Catalog catalog = load(HEADER + """
                links:
                  - {from: Chat Server, to: [Interaction Server, Chat Server], between: true, source: table}
                """);

        assertThat(catalog.explicitLinks()).extracting(l -> l.to().label())
                .containsExactly("Interaction Server", "Chat Server");
        assertThat(catalog.explicitLinks()).allMatch(SupportedLink::between);
    }

    @Test
    void unknownComponentInALinkNamesTheComponentAndItsLine() {
        String yaml = HEADER + """
                links:
                  - {from: Chat Server, to: Interaction Server, source: table}
                  - {from: Chat Srv, to: Interaction Server, source: table}
                """;
        assertFailsAt(yaml, "Chat Srv", "unknown component 'Chat Srv'");
    }

    @Test
    void duplicateNameOrAliasIsRefusedIgnoringCase() {
        String yaml = HEADER + """
                  - {name: Chat Proxy, group: eServices, aliases: [CHATSERVER], source: test}
                """;
        assertFailsAt(yaml, "CHATSERVER", "'CHATSERVER'", "already the name or an alias of component 'Chat Server'");
    }

    @Test
    void badVersionIsRefusedWithTheValue() {
        String yaml = HEADER + """
                links:
                  - from: Chat Server
                    fromMinVersion: 8.1.0 and later
                    to: Interaction Server
                    source: table
                """;
        assertFailsAt(yaml, "8.1.0 and later", "fromMinVersion", "'8.1.0 and later' is not a version");
    }

    @Test
    void badPortRuleIsRefused() {
        String yaml = HEADER + """
                links:
                  - from: Chat Server
                    to: Interaction Server
                    portRule: ESP
                    source: table
                """;
        assertFailsAt(yaml, "portRule: ESP", "'portRule'", "DEFAULT_OR_ALTERNATE", "not 'ESP'");
    }

    @Test
    void requiredNameWithoutThePortNameIsRefused() {
        String yaml = HEADER + """
                links:
                  - from: Interaction Server
                    to: Chat Server
                    portRule: REQUIRED_NAME
                    source: table
                """;
        assertFailsAt(yaml, "- from: Interaction Server", "requiredPortName");
    }

    @Test
    void unknownGroupIsRefused() {
        String yaml = HEADER + """
                  - {name: SMS Server, group: eService, source: test}
                """;
        assertFailsAt(yaml, "group: eService,", "unknown group 'eService'");
    }

    @Test
    void unknownNoteKindIsRefused() {
        String yaml = """
                notes:
                  - {id: gvp, kind: PRODUCT_SPECIFC, text: GVP, source: test}
                """;
        assertFailsAt(yaml, "PRODUCT_SPECIFC", "unknown kind 'PRODUCT_SPECIFC'");
    }

    @Test
    void unknownTraitAndUnknownNoteReferenceAreRefused() {
        assertFailsAt(HEADER + """
                  - {name: SMS Server, group: eServices, traits: [sever], source: test}
                """, "traits: [sever]", "unknown trait 'sever'");
        assertFailsAt(HEADER + """
                  - {name: SMS Server, group: eServices, notes: [jav], source: test}
                """, "notes: [jav]", "unknown note 'jav'");
    }

    @Test
    void aWildcardRuleWithoutDefinitionIsRefused() {
        String yaml = HEADER + """
                rules:
                  - id: chat-all
                    from: Chat Server
                    to: {label: any server, traits: [server]}
                    source: test
                """;
        assertFailsAt(yaml, "- id: chat-all", "rule 'chat-all' is missing 'definition'");
    }

    @Test
    void aWildcardUnderLinksAndARuleWithoutWildcardAreRefused() {
        assertFailsAt(HEADER + """
                links:
                  - from: Chat Server
                    to: {label: any server, traits: [server]}
                    source: test
                """, "{label: any server", "wildcards belong under 'rules'");
        assertFailsAt(HEADER + """
                rules:
                  - {id: plain, from: Chat Server, to: Interaction Server, definition: none, source: test}
                """, "id: plain", "belongs under 'links'");
    }

    @Test
    void misspeltKeyIsRefusedAtTheKey() {
        String yaml = HEADER + """
                links:
                  - from: Chat Server
                    fromMinVerison: 8.1.0
                    to: Interaction Server
                    source: table
                """;
        assertFailsAt(yaml, "fromMinVerison", "unknown key 'fromMinVerison' in a link");
    }

    @Test
    void duplicateKeyAndDuplicateLinkAreRefused() {
        assertFailsAt(HEADER + """
                links:
                  - from: Chat Server
                    to: Interaction Server
                    to: Chat Server
                    source: table
                """, "to: Chat Server", "duplicate key 'to'");
        String twice = HEADER + """
                links:
                  - {from: Chat Server, to: Interaction Server, between: true, source: a}
                  - {from: Interaction Server, to: Chat Server, between: true, source: b}
                """;
        assertFailsAt(twice, "source: b", "duplicate link", "at line " + lineOf(twice, "source: a"));
    }

    @Test
    void aNoteNobodyUsesIsRefused() {
        String yaml = HEADER.replace("notes:\n", """
                notes:
                  - {id: orphan, kind: INFO, text: never shown, source: test}
                """);
        assertFailsAt(yaml, "id: orphan", "note 'orphan' is not used");
    }

    @Test
    void versionsWrittenAsYamlNumbersKeepTheirDigits() {
        // YAML reads 8.10 as the float 8.1; the loader keeps the text, so 8.10 stays above 8.9.
        Catalog catalog = load(HEADER + """
                links:
                  - {from: Chat Server, fromMinVersion: 8.10, to: Interaction Server, source: table}
                """);

        assertThat(catalog.explicitLinks().get(0).from().minVersion()).isEqualTo(Version.parse("8.10"))
                .isGreaterThan(Version.parse("8.9"));
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        String yaml = HEADER + """
                links:
                  - {from: Chat Server, to: [Interaction Server, source: table}
                """;
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("test.yaml line " + lineOf(yaml, "to: [Interaction Server"))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> load("")).isInstanceOf(CatalogException.class).hasMessageContaining("empty");
    }
}
