package dev.tlsconsole.resolution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ObjectRef;

/**
 * The JSON of API.md "Effective policy", field for field; ids of the named objects are added (API.md:
 * responses carry both ids and names), never a documented field renamed or dropped.
 */
final class EffectivePolicyJson {

    private EffectivePolicyJson() {
    }

    /** {@code GET /connections/{id}/effective-policy}. */
    record Policy(long connectionId, Client client, Server server, @Schema(allowableValues = {"PLAINTEXT", "AUTO_DETECT", "ENCRYPTION_ONLY", "SIMPLE_TLS", "MUTUAL_TLS"}) String mode, @Schema(nullable = true, allowableValues = {"SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"}, description = "the version the two sides would negotiate; null when they cannot agree or the link is plaintext") String protocol,
            Map<String, Option> clientSide, Map<String, Option> serverSide, List<FindingJson> findings, @Schema(allowableValues = {"A+", "A", "B", "C", "F", "-"}) String grade,
            List<String> gradeReasons, @Schema(nullable = true, description = "the connection resolved against the server's HA backup; null when the server has none") Backup backup) {
    }

    /** API.md "Effective policy (additions)": the connection against the server's HA backup. */
    record Backup(Server server, @Schema(allowableValues = {"PLAINTEXT", "AUTO_DETECT", "ENCRYPTION_ONLY", "SIMPLE_TLS", "MUTUAL_TLS"}) String mode,
            @Schema(nullable = true, allowableValues = {"SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"}, description = "the version the two sides would negotiate; null when they cannot agree or the link is plaintext") String protocol, Map<String, Option> serverSide, List<FindingJson> findings,
            @Schema(allowableValues = {"A+", "A", "B", "C", "F", "-"}) String grade, List<String> gradeReasons) {
    }

    record Client(String application, String host, long applicationId, long hostId) {
    }

    record Server(String application, String host, String portId, int portNumber,
            @Schema(allowableValues = {"UNSECURED", "SECURE", "AUTO_DETECT"}) String listeningMode,
            long applicationId, long hostId) {
    }

    /** @param source the name of the object that set it, null for a default; {@code sourceId} its id */
    record Option(String value,
            @Schema(allowableValues = {"CONNECTION", "PORT", "APPLICATION", "APPLICATION_ANNEX", "HOST", "DEFAULT"}) String level,
            @Schema(nullable = true) String source, @Schema(nullable = true) Long sourceId) {
    }

    /**
     * @param fixAt           the level to fix it at; {@code fixObject} the object at that level
     * @param suggestedChange the option change that clears it (issue 12 item 8), null when no option change can
     */
    record FindingJson(String code, @Schema(allowableValues = {"ERROR", "WARNING", "INFO"}) String severity, String message,
            @Schema(allowableValues = {"CLIENT", "SERVER", "LINK"}) String side,
            @Schema(allowableValues = {"CONNECTION", "PORT", "APPLICATION", "APPLICATION_ANNEX", "HOST", "DEFAULT"}) String fixAt, Ref fixObject,
            @Schema(nullable = true, description = "the option change that clears the finding; null when none can (see the Help catalogue's fix)") SuggestedChangeJson suggestedChange) {
    }

    /**
     * One option to set (or, with {@code value} null, to remove) on one object; {@code target}, {@code set} and
     * {@code unset} are the same change in the shape of a {@code POST /preview} item, ready to stage.
     */
    record SuggestedChangeJson(@Schema(allowableValues = {"CONNECTION", "PORT", "APPLICATION", "APPLICATION_ANNEX", "HOST"}) String level,
            long id, String name, String option, @Schema(nullable = true) String value, PreviewTargetJson target,
            Map<String, String> set, List<String> unset) {
    }

    /** A {@code POST /preview} target: by name (ports by application name and port id), connections by id. */
    record PreviewTargetJson(String type, String name, String portId, Long connectionId) {
    }

    record Ref(String type, long id, String name) {
    }

    /** An item of {@code GET /effective-policies}. */
    record Summary(long connectionId, String client, String server, String portId, @Schema(allowableValues = {"PLAINTEXT", "AUTO_DETECT", "ENCRYPTION_ONLY", "SIMPLE_TLS", "MUTUAL_TLS"}) String mode,
            @Schema(nullable = true, allowableValues = {"SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"}, description = "the version the two sides would negotiate; null when they cannot agree or the link is plaintext") String protocol, @Schema(allowableValues = {"A+", "A", "B", "C", "F", "-"}) String grade, int errors, int warnings, String clientHost, String serverHost, int portNumber) {
    }

    /** {@code POST /preview}. */
    record Preview(int impacted, List<Change> changed) {
    }

    record Change(long connectionId, State before, State after) {
    }

    record State(@Schema(allowableValues = {"PLAINTEXT", "AUTO_DETECT", "ENCRYPTION_ONLY", "SIMPLE_TLS", "MUTUAL_TLS"}) String mode, @Schema(nullable = true, allowableValues = {"SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"}, description = "the version the two sides would negotiate; null when they cannot agree or the link is plaintext") String protocol, @Schema(allowableValues = {"A+", "A", "B", "C", "F", "-"}) String grade, List<String> findings) {
    }

    static Policy of(EffectivePolicy policy) {
        EffectivePolicy.ClientEnd client = policy.client();
        EffectivePolicy.ServerEnd server = policy.server();
        return new Policy(policy.connectionId(),
                new Client(client.application().name(), client.host().name(), client.application().id(), client.host().id()),
                server(server),
                policy.mode().name(), protocol(policy.protocol().orElse(null)), side(policy.clientSide()),
                side(policy.serverSide()), policy.findings().stream().map(EffectivePolicyJson::finding).toList(),
                policy.grade().label(), policy.gradeReasons(), policy.backup().map(EffectivePolicyJson::backup).orElse(null));
    }

    private static Backup backup(EffectivePolicy.Backup backup) {
        return new Backup(server(backup.server()), backup.mode().name(), protocol(backup.protocol().orElse(null)),
                side(backup.serverSide()), backup.findings().stream().map(EffectivePolicyJson::finding).toList(),
                backup.grade().label(), backup.gradeReasons());
    }

    private static Server server(EffectivePolicy.ServerEnd server) {
        return new Server(server.application().name(), server.host().name(), server.portId(), server.portNumber(),
                server.listeningMode().name(), server.application().id(), server.host().id());
    }

    static Summary of(PolicyRow row) {
        return new Summary(row.connectionId(), row.client(), row.server(), row.portId(), row.mode().name(),
                protocol(row.protocol()), row.gradeLabel(), row.errors(), row.warnings(), row.clientHost(),
                row.serverHost(), row.portNumber());
    }

    static Preview of(EffectivePolicies.Impact impact) {
        return new Preview(impact.impacted(), impact.changed().stream()
                .map(c -> new Change(c.connection().connectionId(), state(c.before()), state(c.after()))).toList());
    }

    private static State state(PolicySummary summary) {
        return new State(summary.mode().name(), protocol(summary.protocol().orElse(null)), summary.grade().label(),
                summary.findings().stream().map(Enum::name).toList());
    }

    private static Map<String, Option> side(ResolvedSide side) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (ResolvedOption option : side.options()) {
            ObjectRef source = option.source().orElse(null);
            options.put(option.option().key(), new Option(option.value(), option.level().name(),
                    source == null ? null : source.name(), source == null ? null : source.id()));
        }
        return options;
    }

    private static FindingJson finding(Finding finding) {
        ObjectRef at = finding.fixAt();
        return new FindingJson(finding.code().name(), finding.severity().name(), finding.message(), finding.side().name(),
                finding.fixLevel().name(), new Ref(at.type().name(), at.id(), at.name()),
                finding.suggestedChange().map(EffectivePolicyJson::suggestion).orElse(null));
    }

    private static SuggestedChangeJson suggestion(SuggestedChange change) {
        ObjectRef target = change.target();
        PreviewTargetJson preview = switch (target.type()) {
            case CONNECTION -> new PreviewTargetJson("CONNECTION", null, null, target.id());
            case PORT -> {
                int colon = target.name().lastIndexOf(':');
                yield new PreviewTargetJson("PORT", target.name().substring(0, colon), target.name().substring(colon + 1), null);
            }
            default -> new PreviewTargetJson(target.type().name(), target.name(), null, null);
        };
        return new SuggestedChangeJson(target.type().name(), target.id(), target.name(), change.option(), change.value(),
                preview, change.removes() ? Map.of() : Map.of(change.option(), change.value()),
                change.removes() ? List.of(change.option()) : List.of());
    }

    private static String protocol(TlsVersion version) {
        return version == null ? null : version.name();
    }
}
