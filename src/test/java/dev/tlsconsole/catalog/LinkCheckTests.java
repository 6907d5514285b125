package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.tlsconsole.catalog.LinkCheckResult.Reason;
import dev.tlsconsole.catalog.LinkCheckResult.ReasonKind;
import dev.tlsconsole.policy.Version;

/**
 * Questions an administrator would ask of the matrix, each answered from the seed. The table gives the verdict
 * and the id of the link or rule that must decide it, so a right answer for the wrong reason still fails.
 */
class LinkCheckTests {

    private static final LinkCheck CHECK = new LinkCheck(CatalogLoader.loadDefault());

    @ParameterizedTest(name = "{0} {1} → {2} {3} port {4}: {5} by {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # eServices table: versions, ESP, direction
            Chat Server          | 8.1.0 | Interaction Server   | 8.1.0 | default | SUPPORTED          | chat-server--interaction-server
            Chat Server          | 8.0.5 | Interaction Server   | 8.1.0 | default | VERSION_TOO_OLD    | chat-server--interaction-server
            Chat Server          | 8.1.0 | Interaction Server   | 8.0.9 | default | VERSION_TOO_OLD    | chat-server--interaction-server
            Chat Server          | 8.5.1 | UCS                  | 8.1.0 | default | SUPPORTED          | chat-server--universal-contact-server
            Chat Server          | 8.1.0 | CS Proxy             | 8.5.1 | backup  | SUPPORTED          | chat-server--configuration-server-proxy
            Chat Server          | 8.0.0 | Message Server       | 8.5.1 | default | VERSION_TOO_OLD    | chat-server--message-server
            Interaction Server   | 8.1.0 | Chat Server          | 8.1.0 | default | PORT_NAME_REQUIRED | interaction-server--chat-server
            Interaction Server   | 8.1.0 | Chat Server          | 8.1.0 | ESP     | SUPPORTED          | interaction-server--chat-server
            Interaction Server   | 8.1.0 | Chat Server          | 8.0.0 | ESP     | VERSION_TOO_OLD    | interaction-server--chat-server
            Interaction Server   | 8.1.0 | DB Server            | 8.1.0 | default | SUPPORTED          | interaction-server--db-server
            Interaction Server   | 8.0.0 | DB Server            | 8.5.1 | default | VERSION_TOO_OLD    | interaction-server--db-server
            # the table wants Interaction Server 8.1.0+, but Services Layer lists Stat Server ↔ Interaction Server
            # without a version: the seed lists the connection as supported, so the versionless link decides
            Interaction Server   | 8.0.0 | Stat Server          | 8.5.1 | default | SUPPORTED          | stat-server--interaction-server
            Interaction Server   | 8.1.0 | E-mail Server        | 8.1.0 | default | SUPPORTED          | interaction-server--e-mail-server
            Interaction Server   | 8.1.0 | Interaction Server   | 8.1.0 | default | SUPPORTED          | interaction-server--interaction-server
            E-mail Server        | 8.1.0 | Configuration Server | 8.1.0 | default | SUPPORTED          | e-mail-server--configuration-server
            E-mail Server        | 8.1.1 | UCS                  | 8.1.1 | default | VERSION_TOO_OLD    | e-mail-server--universal-contact-server
            E-mail Server        | 8.1.2 | UCS                  | 8.1.1 | default | SUPPORTED          | e-mail-server--universal-contact-server
            E-mail Server        | 8.1.2 | UCS                  | 8.1.0 | default | VERSION_TOO_OLD    | e-mail-server--universal-contact-server
            E-mail Server        | 8.1.1 | Interaction Server   | 8.1.0 | default | VERSION_TOO_OLD    | e-mail-server--interaction-server
            E-mail Server        | 8.1.1 | Message Server       | 8.1.0 | default | VERSION_TOO_OLD    | e-mail-server--message-server
            UCS Proxy            | 8.1.0 | CS Proxy             | 8.1.0 | default | SUPPORTED          | universal-contact-server-proxy--configuration-server-proxy
            UCS Proxy            | 8.1.0 | UCS                  | 8.1.0 | default | SUPPORTED          | universal-contact-server-proxy--universal-contact-server
            SMS Server           | 8.1.0 | SCS                  | 8.1.0 | default | SUPPORTED          | sms-server--solution-control-server
            Social Messaging Server | 8.1.0 | Interaction Server | 8.1.0 | default | SUPPORTED         | social-messaging-server--interaction-server
            Classification Server | 8.1.0 | SCS                 | 8.1.0 | default | SUPPORTED          | classification-server--solution-control-server
            Web API Server Java  | 8.1.0 | Message Server       | 8.1.0 | default | SUPPORTED          | web-api-server-java--message-server
            Web API Server Java  | 8.1.0 | Stat Server          | 8.0.0 | default | VERSION_TOO_OLD    | web-api-server-java--stat-server
            Web API Server .NET  | 7.6.0 | Chat Server          | 8.1.0 | default | SUPPORTED          | web-api-server-net--chat-server
            UCS                  | 8.1.0 | Chat Server          | 8.1.0 | default | NOT_LISTED         | -
            Chat Server          | 8.1.0 | SMS Server           | 8.1.0 | default | NOT_LISTED         | -
            # "between" statements match both directions; unlisted pairs stay unlisted
            CCPulse+             | 8.0.0 | Stat Server          | 8.0.0 | default | SUPPORTED          | ccpulse--stat-server
            Stat Server          | 8.0.0 | CCPulse+             | 8.0.0 | default | SUPPORTED          | ccpulse--stat-server
            CCPulse+             | 8.1.0 | Chat Server          | 8.1.0 | default | NOT_LISTED         | -
            Configuration Server | 8.5.1 | Configuration Server | 8.5.1 | default | SUPPORTED          | configuration-server--primary-backup
            LDAP Directory       | -     | Configuration Server | 8.5.1 | default | SUPPORTED          | configuration-server--external-authentication-ldap-directory
            Configuration Manager | 8.1.0 | DB Server           | 8.1.0 | default | NOT_LISTED         | -
            SIP Server           | 8.1.1 | Network T-Server     | 8.1.0 | default | SUPPORTED          | sip-server--network-t-server
            CPD Proxy Server     | 8.1.0 | T-Server             | 8.1.0 | default | NOT_LISTED         | -
            Web Browser          | -     | GAX                  | 8.5.2 | https   | SUPPORTED          | web-browser--genesys-administrator-extension
            GAX                  | 8.5.2 | LRM Database         | -     | default | SUPPORTED          | genesys-administrator-extension--license-reporting-manager-database
            LRM Database         | -     | GAX                  | 8.5.2 | default | NOT_LISTED         | -
            LCA                  | 8.5.1 | SCS                  | 8.5.1 | default | SUPPORTED          | local-control-agent--solution-control-server
            ORS                  | 8.1.4 | ORS                  | 8.1.4 | default | SUPPORTED          | orchestration-server--orchestration-server
            IVR Driver for MPS   | 8.0.0 | IVR Server           | 8.0.0 | default | SUPPORTED          | ivr-driver-for-mps--ivr-server
            Genesys Info Mart    | 8.5.0 | ICON Database        | -     | default | SUPPORTED          | genesys-info-mart--interaction-concentrator-database
            WDE                  | 8.5.1 | Chat Server          | 8.5.1 | default | SUPPORTED          | workspace-desktop-edition--chat-server
            WDE SIP Endpoint     | 8.5.1 | SIP Server           | 8.5.1 | default | SUPPORTED          | workspace-desktop-edition-sip-endpoint--sip-server
            # wildcard rules
            ICON                 | 8.1.5 | T-Server             | 8.1.0 | default | SUPPORTED          | icon-all-servers
            Stat Server          | 8.5.1 | ICON                 | 8.1.5 | default | SUPPORTED          | icon-all-servers
            ICON                 | 8.1.5 | Oracle               | -     | default | NOT_LISTED         | -
            Pulse                | 8.5.1 | Stat Server          | 8.5.1 | default | SUPPORTED          | pulse-all-servers
            Pulse                | 8.5.1 | Siebel               | -     | default | NOT_LISTED         | -
            LRM                  | 8.1.0 | MS SQL               | -     | default | SUPPORTED          | lrm-all-databases
            LRM                  | 8.1.0 | URS                  | 8.1.0 | default | SUPPORTED          | lrm-all-servers
            CCPulse+             | 8.1.0 | Message Server       | 8.1.0 | default | SUPPORTED          | message-server-clients
            Siebel               | -     | Message Server       | 8.1.0 | default | NOT_LISTED         | -
            Load Distribution Server | 8.1.0 | Siebel           | -     | default | SUPPORTED          | lds-all-connections
            T-Server             | 8.1.0 | LDS                  | 8.1.0 | default | SUPPORTED          | lds-all-connections
            URS                  | 8.1.0 | SCS                  | 8.1.0 | default | SUPPORTED          | routing-framework
            SIP Server           | 8.1.0 | Custom Server        | 8.1.0 | default | SUPPORTED          | routing-framework
            URS                  | 8.1.0 | Chat Server          | 8.1.0 | default | NOT_LISTED         | -
            Custom T-Library Client | - | Stat Server           | 8.1.0 | default | SUPPORTED          | stat-server-clients
            Stat Server          | 8.1.0 | Custom T-Library Client | -  | default | NOT_LISTED         | -
            GAX                  | 8.5.2 | GDA                  | 8.5.2 | default | SUPPORTED          | genesys-administrator-extension--genesys-deployment-agent
            WFM Web              | 8.5.1 | GDA                  | 8.5.1 | default | SUPPORTED          | gda-clients
            SIP Server           | 8.1.0 | SIP Device           | -     | default | SUPPORTED          | sip-server-sip-traffic
            T-Server             | 8.1.0 | SIP Device           | -     | default | NOT_LISTED         | -
            MCP                  | 8.1.6 | Configuration Server | 8.1.0 | default | SUPPORTED          | gvp-configuration-server
            GVP Reporting Server | 8.1.6 | MRCP Proxy           | 8.1.6 | default | SUPPORTED          | gvp-reporting-server--gvp-mrcp-proxy
            MRCP Speech Server   | -     | MCP                  | 8.1.6 | default | SUPPORTED          | gvp-mrcp-interface
            MCP                  | 8.1.6 | GVP Debugger         | 8.1.0 | default | SUPPORTED          | gvp-debugger-connections
            WFM Web              | 8.5.1 | WFM Daemon           | 8.5.1 | default | SUPPORTED          | wfm-internal
            WFM Web              | 8.5.1 | Configuration Server | 8.5.1 | default | SUPPORTED          | wfm-framework
            iWD                  | 8.5.0 | Interaction Server   | 8.5.0 | default | SUPPORTED          | iwd-all-servers
            Interaction Server   | 8.5.0 | iWD                  | 8.5.0 | default | NOT_LISTED         | -
            Platform SDK         | 8.5.0 | Universal Routing Server | 8.5.0 | default | SUPPORTED      | platform-sdk-genesys-components
            WDE                  | 8.5.1 | Orchestration Server | 8.5.1 | default | SUPPORTED          | wde-any-tls-application
            """)
    void answersTheSeedsQuestions(String from, @Nullable String fromVersion, String to, @Nullable String toVersion,
                                  String port, String verdict, @Nullable String decidedBy) {
        LinkCheckResult result = CHECK.check(from, version(fromVersion), to, version(toVersion), port);

        if (verdict.equals("SUPPORTED")) {
            assertThat(result.supported()).as(result.reasonMessages().toString()).isTrue();
            assertThat(result.reasons()).noneMatch(Reason::blocking);
        } else {
            assertThat(result.supported()).isFalse();
            assertThat(result.reasons()).filteredOn(Reason::blocking).extracting(Reason::kind)
                    .containsExactly(ReasonKind.valueOf(verdict));
        }
        assertThat(result.link() == null ? null : result.link().id()).as(result.matchedBy()).isEqualTo(decidedBy);
    }

    @Test
    void tooOldNamesTheSideAndTheMinimum() {
        LinkCheckResult result = CHECK.check("Chat Server", Version.parse("8.0.5"), "Interaction Server",
                Version.parse("8.1.0"), "default");

        assertThat(result.reasonMessages()).containsExactly(
                "Chat Server 8.0.5 is older than 8.1.0, the minimum Chat Server version for Chat Server → Interaction Server");
    }

    @Test
    void portNameRequiredSaysWhichNameIsExpectedAndWhichWasUsed() {
        LinkCheckResult result = CHECK.check("IXN", Version.parse("8.1.0"), "chat server", Version.parse("8.1.0"),
                "default");

        assertThat(result.reasonMessages()).singleElement().asString()
                .contains("port named 'ESP' (required name)").contains("not port 'default'");
        assertThat(result.linkView()).satisfies(view -> {
            assertThat(view.from()).isEqualTo("Interaction Server");
            assertThat(view.fromMinVersion()).isEqualTo("8.1.0");
            assertThat(view.to()).isEqualTo("Chat Server");
            assertThat(view.toMinVersion()).isEqualTo("8.1.0");
            assertThat(view.portRule()).isEqualTo(PortRule.REQUIRED_NAME);
            assertThat(view.requiredPortName()).isEqualTo("ESP");
            assertThat(view.wildcard()).isFalse();
            assertThat(view.rule()).isNull();
        });
    }

    @Test
    void unknownVersionsAndPortAreReportedButDoNotFailTheLink() {
        LinkCheckResult result = CHECK.check("Interaction Server", null, "Chat Server", null, null);

        assertThat(result.supported()).isTrue();
        assertThat(result.reasons()).extracting(Reason::kind).containsExactly(
                ReasonKind.VERSION_UNKNOWN, ReasonKind.VERSION_UNKNOWN, ReasonKind.PORT_UNKNOWN);
        assertThat(result.reasonMessages().get(0))
                .isEqualTo("Interaction Server version unknown: Interaction Server → Chat Server needs Interaction Server 8.1.0 or later");
    }

    @Test
    void unknownComponentIsNamedAndFlaggedAsTheCallersMistake() {
        LinkCheckResult result = CHECK.check("Chat Srv", null, "Interaction Server", null, "default");

        assertThat(result.unknownComponent()).isTrue();
        assertThat(result.listed()).isFalse();
        assertThat(result.reasonMessages()).containsExactly(
                "'Chat Srv' is not a component name or alias in the supported-component catalog");
        assertThatThrownBy(() -> CHECK.catalog().linksFor("Chat Srv", null))
                .isInstanceOf(UnknownComponentException.class).hasMessageContaining("'Chat Srv'");
    }

    @Test
    void explicitLinksWinOverWildcardsAndTheWildcardIsStillReported() {
        // "Chat Server 8.1.0 and later → Message Server" (table) vs "Message Server and its clients" (wildcard)
        LinkCheckResult result = CHECK.check("Chat Server", Version.parse("8.0.5"), "Message Server", null, null);

        assertThat(result.link()).extracting(SupportedLink::id).isEqualTo("chat-server--message-server");
        assertThat(result.alsoMatched()).contains("message-server-clients");
        assertThat(result.matchedBy()).startsWith("decided by explicit link 'chat-server--message-server'")
                .contains("also covered by message-server-clients");
    }

    @Test
    void aWildcardVerdictSaysWhichRuleAndWhatItMeans() {
        LinkCheckResult result = CHECK.check("ICON", null, "T-Server", null, "default");

        assertThat(result.orientation()).isEqualTo(SupportedLink.Orientation.AS_WRITTEN);
        assertThat(result.linkView()).satisfies(view -> {
            assertThat(view.wildcard()).isTrue();
            assertThat(view.rule()).isEqualTo("icon-all-servers");
            assertThat(view.to()).isEqualTo("any other Genesys server");
            assertThat(view.definition()).contains("all other Genesys Servers");
        });
    }

    @Test
    void writableTargetIsAConditionOfTheEMailServer812Row() {
        LinkCheckResult writable = CHECK.check("E-mail Server", Version.parse("8.1.2"),
                "Configuration Server", null, "default");

        // The 8.1.0 row covers 8.1.2 too and has no condition, so it decides; the writable row is reported.
        assertThat(writable.link()).extracting(SupportedLink::id).isEqualTo("e-mail-server--configuration-server");
        assertThat(writable.alsoMatched()).containsExactly("e-mail-server--configuration-server--writable");
        SupportedLink writableRow = CHECK.catalog().linksFor("E-mail Server", "Configuration Server").stream()
                .filter(SupportedLink::writableTarget).findFirst().orElseThrow();
        assertThat(writableRow.from().minVersion()).isEqualTo(Version.parse("8.1.2"));
    }

    @Test
    void directionalLinksDoNotMatchReversedButBetweenLinksDo() {
        // Chat Server → Message Server comes from the directional eServices table.
        assertThat(CHECK.check("Message Server", null, "Chat Server", null, null).listed()).isFalse();
        LinkCheckResult reversed = CHECK.check("Stat Server", null, "CCPulse+", null, null);
        assertThat(reversed.orientation()).isEqualTo(SupportedLink.Orientation.REVERSED);
    }

    @Test
    void aReversedBetweenLinkAppliesEachMinimumToItsOwnComponent() {
        Catalog catalog = CatalogLoaderTests.load("""
                groups: [{name: g, description: test}]
                components:
                  - {name: Alpha, group: g, source: test}
                  - {name: Beta, group: g, source: test}
                links:
                  - {from: Alpha, fromMinVersion: 8.1.0, to: Beta, toMinVersion: 8.5.0, between: true, source: test}
                """);
        LinkCheck check = new LinkCheck(catalog);

        assertThat(check.check("Beta", Version.parse("8.5.0"), "Alpha", Version.parse("8.1.0"), null).supported())
                .isTrue();
        assertThat(check.check("Beta", Version.parse("8.5.0"), "Alpha", Version.parse("8.0.0"), null)
                .reasonMessages()).singleElement().asString().startsWith("Alpha 8.0.0 is older than 8.1.0");
    }

    @Test
    void linksForFiltersByClientAndServerIncludingBetweenAndWildcards() {
        Catalog catalog = CHECK.catalog();

        assertThat(catalog.linksFor("Chat Server", "Interaction Server")).extracting(SupportedLink::id)
                .containsExactly("chat-server--interaction-server");
        assertThat(catalog.linksFor("Stat Server", "CCPulse+")).extracting(SupportedLink::id)
                .containsExactly("ccpulse--stat-server");
        assertThat(catalog.linksFor("ICON", null)).extracting(SupportedLink::id).contains("icon-all-servers");
        assertThat(catalog.linksFor(null, null)).hasSameSizeAs(catalog.links());
    }

    private static @Nullable Version version(@Nullable String text) {
        return text == null ? null : Version.parse(text);
    }
}
