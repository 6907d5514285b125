package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.List;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;

/**
 * What the connection page's policy panel shows: both sides option by option with where each value
 * comes from, the findings with a link to where to fix them, and the grade with its reasons.
 */
public record PolicyView(long connectionId, String mode, String protocol, Grade grade, List<String> gradeReasons,
        List<OptionLine> clientSide, List<OptionLine> serverSide, List<FindingLine> findings, BackupView backup) {

    static PolicyView of(EffectivePolicy policy) {
        return new PolicyView(policy.connectionId(), policy.mode().name(),
                policy.protocol().map(Enum::name).orElse(null), policy.grade(), policy.gradeReasons(),
                side(policy.clientSide(), policy), side(policy.serverSide(), policy),
                policy.findings().stream().map(f -> FindingLine.of(f, policy)).toList(),
                policy.backup().map(b -> BackupView.of(b, policy)).orElse(null));
    }

    /** The connection against the server's HA backup (reference §8 E1); null on the page when there is none. */
    public record BackupView(String application, long applicationId, String host, int portNumber, String mode,
            String protocol, Grade grade, List<String> gradeReasons, List<FindingLine> findings) {

        static BackupView of(EffectivePolicy.Backup backup, EffectivePolicy policy) {
            return new BackupView(backup.server().application().name(), backup.server().application().id(),
                    backup.server().host().name(), backup.server().portNumber(), backup.mode().name(),
                    backup.protocol().map(Enum::name).orElse(null), backup.grade(), backup.gradeReasons(),
                    backup.findings().stream().map(f -> FindingLine.of(f, policy)).toList());
        }
    }

    private static List<OptionLine> side(ResolvedSide side, EffectivePolicy policy) {
        List<OptionLine> lines = new ArrayList<>();
        for (ResolvedOption option : side.options()) {
            ObjectRef source = option.source().orElse(null);
            lines.add(new OptionLine(option.option().key(), option.value(), option.level(),
                    source == null ? null : source.name(), source == null ? null : PolicyLinks.options(source, policy)));
        }
        return lines;
    }

    /** One option of one side; {@code source} and {@code link} are null for a default. */
    public record OptionLine(String key, String value, Level level, String source, String link) {

        public boolean isDefault() {
            return level == Level.DEFAULT;
        }
    }

    /** One finding and where to fix it. */
    public record FindingLine(String code, String severity, String side, String message, Level fixLevel, String fixName,
            String fixLink) {

        static FindingLine of(Finding finding, EffectivePolicy policy) {
            return new FindingLine(finding.code().name(), finding.severity().name(), finding.side().name(),
                    finding.message(), finding.fixLevel(), finding.fixAt().name(), PolicyLinks.options(finding.fixAt(), policy));
        }
    }
}
