package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RestartRulesTests {

    @Test
    void eachOptionSaysWhenItTakesEffectHowSureThatIsAndWhereItIsWritten() {
        List<String> lines = RestartRules.describe(List.of("cipher-list", "certificate", "tls-mutual", "trusted-ca",
                "sec-protocol", "port"));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("`sec-protocol`, `tls-mutual`: take effect immediately [documented: ")
                .contains("SDG/TLSIn", "[S]");
        assertThat(lines.get(1)).startsWith("`port`: take effect after the application restarts [documented: ")
                .contains("CORM/CommTransParms", "[D9]");
        assertThat(lines.get(2)).startsWith("`certificate`, `trusted-ca`: take effect after the application restarts"
                + " [unconfirmed, inferred");
        assertThat(lines.get(3)).isEqualTo("`cipher-list`: restart to be sure [unconfirmed: no \"Changes Take Effect\""
                + " found for it in the Genesys documentation]");
    }

    @Test
    void anOptionNoPageSpeaksOfIsARestartToBeSure() {
        assertThat(RestartRules.of("x-site-flag").effect()).isEqualTo(RestartRules.Effect.RESTART_TO_BE_SURE);
        assertThat(RestartRules.of("tls-mutual").certainty()).isEqualTo(RestartRules.Certainty.DOCUMENTED);
    }
}
