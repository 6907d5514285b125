package dev.tlsconsole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.preview.PolicyPreview;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 item 8: every finding names the object whose change clears it and, where one option change can,
 * carries that change machine-readably. For every row of the findings catalogue ({@link FindingCatalogueTests},
 * DESIGN.md §4), the finding's suggested change is staged in a {@link PolicyPreview} and the finding must be
 * gone afterwards; a finding without one must be of a code whose catalogue text says why no option change
 * fixes it (a certificate to replace, a product to upgrade, a port attribute).
 */
class SuggestedFixTests {

    /** Codes whose fix is not an option change; {@code policy.finding.<CODE>.fix} says what the admin does instead. */
    static final Set<FindingCode> NO_OPTION_FIX = EnumSet.of(FindingCode.TRANSPORT_SYNTAX, FindingCode.LISTENING_MODE_MISMATCH,
            FindingCode.AUTO_DETECT_NOT_CONFIG_SERVER, FindingCode.SERVER_CERT_MISSING, FindingCode.UNIX_KEY_OR_CA_MISSING,
            FindingCode.CERT_FORMAT_FOR_OS, FindingCode.CLIENT_CERT_MISSING, FindingCode.UNTRUSTED_ISSUER,
            FindingCode.HOST_NAME_MISMATCH, FindingCode.CERT_EXPIRED, FindingCode.CERT_NOT_YET_VALID, FindingCode.CERT_EXPIRING,
            FindingCode.CERT_REVOKED, FindingCode.CERT_REVOKED_UNCHECKED, FindingCode.CRL_STALE, FindingCode.WEAK_KEY,
            FindingCode.WEAK_SIGNATURE, FindingCode.CERT_CONTENT_UNCHECKED, FindingCode.SECURITY_PACK_MISSING,
            FindingCode.LINK_NOT_SUPPORTED, FindingCode.VERSION_TOO_OLD, FindingCode.PORT_NAME_REQUIRED,
            FindingCode.PRODUCT_SPECIFIC, FindingCode.CONFIG_FILE_ONLY, FindingCode.BACKUP_PORT_MISSING,
            FindingCode.BACKUP_MODE_DIFFERS, FindingCode.TARGET_NAME_NEEDS_PACK, FindingCode.PROTOCOL_MISMATCH);

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("dev.tlsconsole.policy.FindingCatalogueTests#catalogue")
    void theSuggestedChangeClearsTheFindingInAPreview(String situation, UnaryOperator<Scenario> setUp, FindingCode code,
                                                      Side side, Level fixLevel, String fixName) throws IOException {
        Scenario scenario = setUp.apply(Scenario.simpleTls());
        EffectivePolicy policy = scenario.resolve();
        Finding finding = PolicyTesting.findings(policy, code).stream().filter(f -> f.side() == side).findFirst().orElseThrow();

        if (finding.suggestedChange().isEmpty()) {
            assertThat(NO_OPTION_FIX).as("%s has no suggested change: %s", code, finding.message()).contains(code);
            assertThat(catalogue().getProperty("policy.finding." + code + ".fix")).as("why %s has no automatic fix", code)
                    .isNotBlank();
            return;
        }
        SuggestedChange change = finding.suggestedChange().get();
        assertThat(change.target()).as("the change is made where the finding points").isEqualTo(finding.fixAt());

        TopologySnapshot snapshot = scenario.snapshot();
        PolicyResolver resolver = new PolicyResolver(scenario.rules, scenario.facts);
        PreviewResult preview = new PolicyPreview(resolver).preview(snapshot, List.of(change.staged()), scenario.settings);
        assertThat(preview.impacted()).isPositive();
        EffectivePolicy after = resolver.resolve(snapshot.withChanges(List.of(change.staged())), scenario.connectionId,
                scenario.settings).orElseThrow();
        assertThat(PolicyTesting.findings(after, code).stream().filter(f -> f.side() == side).toList())
                .as("%s after %s", code, change).isEmpty();
    }

    static Properties catalogue() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SuggestedFixTests.class.getResourceAsStream("/i18n/policy.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
