package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facts about the shipped {@code catalog.yaml} that the policy engine and the UI rely on: the names people type
 * resolve, auto-detect and config-file-only are where the seed puts them, and the seed's notes are there with
 * their kind.
 */
class CatalogDataTests {

    private final Catalog catalog = CatalogLoader.loadDefault();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UCS              | Universal Contact Server
            ucs proxy        | Universal Contact Server Proxy
            LCA              | Local Control Agent
            ICON             | Interaction Concentrator
            GAX              | Genesys Administrator Extension
            SCS              | Solution Control Server
            SCI              | Solution Control Interface
            URS              | Universal Routing Server
            ORS              | Orchestration Server
            OCS              | Outbound Contact Server
            WDE              | Workspace Desktop Edition
            IW               | Workspace Desktop Edition
            Interaction Workspace | Workspace Desktop Edition
            CS Proxy         | Configuration Server Proxy
            Config Server    | Configuration Server
            GDA              | Genesys Deployment Agent
            LRM              | License Resource Manager
            LRM Database     | License Reporting Manager Database
            MCP              | GVP Media Control Platform
            iWD              | intelligent Workload Distribution
            BCMS             | Business Context Management Service
            Email Server     | E-mail Server
            PSDK             | Platform SDK
            Info Mart        | Genesys Info Mart
            """)
    void commonNamesAndAliasesResolve(String alias, String canonical) {
        assertThat(catalog.find(alias)).map(Component::name).contains(canonical);
    }

    @Test
    void onlyConfigurationServerAndItsProxyOfferAutoDetect() {
        assertThat(catalog.components()).filteredOn(Component::autoDetect).extracting(Component::name)
                .containsExactlyInAnyOrder("Configuration Server", "Configuration Server Proxy");
    }

    @Test
    void onlyLcaAndGdaReadTlsSettingsFromTheirOwnFile() {
        assertThat(catalog.components()).filteredOn(c -> c.configFile() != null)
                .extracting(Component::name, Component::configFile)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Local Control Agent", "lca.cfg"),
                        org.assertj.core.groups.Tuple.tuple("Genesys Deployment Agent", "gda.cfg"));
        assertThat(catalog.require("LCA").notes(NoteKind.CONFIG_FILE_ONLY)).singleElement()
                .extracting(Note::text).asString().contains("lca.cfg");
    }

    @Test
    void catalogueWideNotesCoverTlsTypeFipsAndProtocolVersions() {
        assertThat(catalog.catalogNotes()).extracting(Note::text)
                .anySatisfy(t -> assertThat(t).contains("does not say which type").contains("mutual TLS"))
                .anySatisfy(t -> assertThat(t).contains("FIPS"))
                .anySatisfy(t -> assertThat(t).contains("TLS 1.1, TLS 1.0, SSL v3 and SSL v2"));
    }

    @Test
    void productSpecificNotesSitWhereTheSeedPutsThem() {
        assertThat(textsOf(catalog.require("UCS").notes(NoteKind.PRODUCT_SPECIFIC)))
                .anySatisfy(t -> assertThat(t).contains("Java-based"))
                .anySatisfy(t -> assertThat(t).contains("local host user"));
        assertThat(textsOf(catalog.require("Social Messaging Server").notes(NoteKind.PRODUCT_SPECIFIC)))
                .singleElement().asString().contains("Windows service");
        assertThat(textsOf(catalog.require("URS").notes(NoteKind.PRODUCT_SPECIFIC)))
                .singleElement().asString().contains("Security Pack on UNIX 8.1.2").contains("without a client certificate");
        SupportedLink gvpSip = rule("gvp-sip-interface");
        assertThat(textsOf(gvpSip.notes(NoteKind.PRODUCT_SPECIFIC)))
                .singleElement().asString().contains("sip.transport.0=transport0 tls:any:<SIP Port>");
        assertThat(textsOf(rule("wfm-internal").notes(NoteKind.PRODUCT_SPECIFIC)))
                .singleElement().asString().contains("OpenSSL");
    }

    @Test
    void everyGroupHasComponentsAndEveryRuleIsDefined() {
        assertThat(catalog.groups()).allSatisfy(g ->
                assertThat(catalog.componentsIn(g.name())).as("components of %s", g.name()).isNotEmpty());
        assertThat(catalog.wildcardRules()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(r -> assertThat(r.definition()).as(r.id()).isNotBlank());
        assertThat(catalog.explicitLinks()).allSatisfy(l -> assertThat(l.definition()).isNull());
    }

    @Test
    void licenseResourceAndLicenseReportingManagerStayApart() {
        // Both are "LRM" in the seed; the alias belongs to License Resource Manager, whose section says "(LRM)".
        assertThat(catalog.require("LRM").name()).isEqualTo("License Resource Manager");
        assertThat(catalog.require("LRM Database").traits()).contains(Trait.DATABASE);
    }

    private SupportedLink rule(String id) {
        return catalog.wildcardRules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> textsOf(List<Note> notes) {
        return notes.stream().map(Note::text).toList();
    }
}
