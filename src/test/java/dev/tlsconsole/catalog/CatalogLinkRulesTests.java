package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.LinkRules.Kind;
import dev.tlsconsole.policy.LinkRules.LinkVerdict;
import dev.tlsconsole.policy.LinkRules.Problem;
import dev.tlsconsole.policy.Version;

/**
 * What the policy engine gets from the catalog: verdicts it turns into LINK_NOT_SUPPORTED, VERSION_TOO_OLD and
 * PORT_NAME_REQUIRED findings, the product notes behind PRODUCT_SPECIFIC, and the auto-detect and
 * config-file-only facts.
 */
class CatalogLinkRulesTests {

    private static final LinkRules RULES = new CatalogLinkRules(new LinkCheck(CatalogLoader.loadDefault()));

    private static Version v(String text) {
        return Version.parse(text);
    }

    @Test
    void supportedLinkHasNoProblemsAndDescribesTheLink() {
        LinkVerdict verdict = RULES.check("Interaction Server", v("8.5.1"), "Chat Server", v("8.5.1"), "ESP");

        assertThat(verdict.supported()).isTrue();
        assertThat(verdict.linkDescription()).contains("interaction-server--chat-server").contains("ESP");
    }

    @Test
    void problemsCarryTheKindsTheFindingsAreMadeFrom() {
        assertThat(RULES.check("CCPulse+", v("8.1"), "Chat Server", v("8.1"), "default"))
                .satisfies(verdict -> {
                    assertThat(verdict.listed()).isFalse();
                    assertThat(verdict.problems()).extracting(Problem::kind).containsExactly(Kind.NOT_LISTED);
                });
        assertThat(RULES.check("Chat Server", v("8.0.5"), "Interaction Server", v("8.1.0"), "default"))
                .satisfies(verdict -> {
                    assertThat(verdict.listed()).isTrue();
                    assertThat(verdict.supported()).isFalse();
                    assertThat(verdict.problems()).extracting(Problem::kind).containsExactly(Kind.VERSION_TOO_OLD);
                });
        assertThat(RULES.check("Interaction Server", v("8.1.0"), "Chat Server", v("8.1.0"), "default").problems())
                .extracting(Problem::kind).containsExactly(Kind.PORT_NAME_REQUIRED);
        assertThat(RULES.check("Chat Server", null, "Interaction Srv", null, "default").problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_COMPONENT);
                    assertThat(p.message()).contains("'Interaction Srv'");
                });
    }

    @Test
    void unknownVersionIsInformationInTheDescriptionNotAProblem() {
        LinkVerdict verdict = RULES.check("Chat Server", null, "Interaction Server", v("8.1.0"), "default");

        assertThat(verdict.supported()).isTrue();
        assertThat(verdict.linkDescription()).contains("Chat Server version unknown").contains("8.1.0 or later");
    }

    @Test
    void productNotesComeFromTheLinkAndFromBothComponents() {
        assertThat(RULES.check("GVP Resource Manager", null, "SIP Server", null, "default").productNotes())
                .singleElement().asString().contains("sip.transport.0=transport0 tls:any:<SIP Port>");
        assertThat(RULES.check("WFM Builder", null, "WFM Server", null, "default").productNotes())
                .singleElement().asString().contains("OpenSSL");
        assertThat(RULES.check("Chat Server", v("8.1.0"), "UCS", v("8.1.0"), "default").productNotes())
                .anySatisfy(n -> assertThat(n).contains("Java-based"))
                .anySatisfy(n -> assertThat(n).contains("Log on as this account"));
        assertThat(RULES.check("URS", null, "Configuration Server", null, "default").productNotes())
                .singleElement().asString().contains("HTTPS");
        assertThat(RULES.check("CCPulse+", null, "Stat Server", null, "default").productNotes()).isEmpty();
    }

    @Test
    void onlyConfigurationServerAndItsProxySupportAutoDetect() {
        assertThat(RULES.supportsAutoDetect("Configuration Server")).isTrue();
        assertThat(RULES.supportsAutoDetect("cs proxy")).isTrue();
        assertThat(RULES.supportsAutoDetect("T-Server")).isFalse();
        assertThat(RULES.supportsAutoDetect("No Such Server")).isFalse();
    }

    @Test
    void lcaAndGdaAreConfiguredFromTheirOwnFile() {
        assertThat(RULES.configFileOnly("LCA")).contains("lca.cfg");
        assertThat(RULES.configFileOnly("Genesys Deployment Agent")).contains("gda.cfg");
        assertThat(RULES.configFileOnly("Solution Control Server")).isEmpty();
        assertThat(RULES.configFileOnly("No Such Server")).isEmpty();
    }
}
