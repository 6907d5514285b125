package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.Describe.at;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.option.OptionSpelling;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ParsedTransport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings about what is written at one level, independent of how the connection resolves:
 * {@code TRANSPORT_SYNTAX}, {@code UNKNOWN_OPTION}, {@code OPTION_LEVEL_IGNORED}, and
 * {@code INVALID_VALUE} for the values that win.
 */
final class LevelFindings {

    private static final SecurityOption[] OPTIONS = SecurityOption.values();

    private LevelFindings() {
    }

    static void ofTransport(ParsedTransport transport, ObjectRef ref, Side side, List<Finding> out) {
        transport.error().ifPresent(error -> out.add(Finding.of(FindingCode.TRANSPORT_SYNTAX, side, ref,
                "The transport of " + Describe.object(ref) + " does not parse (" + error.getMessage() + " in '"
                        + transport.raw() + "'): write it as name=value;name=value without spaces around ';' or '='")));
        for (SecurityOption option : transport.misplaced()) {
            out.add(levelIgnored(option, transport.parameters().get(option.key()).orElse(""), ref, side));
        }
        for (String key : transport.misspelt()) {
            out.add(unknown(key, ref, side));
        }
    }

    static void ofSection(Map<String, String> section, ObjectRef ref, Side side, List<Finding> out) {
        if (section.isEmpty()) {
            return;
        }
        section.forEach((key, value) -> {
            Optional<SecurityOption> option = SecurityOption.fromKey(key);
            if (option.isEmpty()) {
                out.add(unknown(key, ref, side));
            } else if (!option.get().settableAt(ref.level())) {
                out.add(levelIgnored(option.get(), value, ref, side));
            }
        });
    }

    /** INVALID_VALUE for every winning value outside its option's valid set ({@code tls} on request). */
    static void invalidValues(ResolvedSide resolved, Side side, boolean includeTls, List<Finding> out) {
        for (SecurityOption key : OPTIONS) {
            ResolvedOption option = resolved.get(key);
            if (option.isSet() && (includeTls || option.option() != SecurityOption.TLS)) {
                invalidValue(option, side).ifPresent(out::add);
            }
        }
    }

    static Optional<Finding> invalidValue(ResolvedOption option, Side side) {
        Optional<String> problem = option.option().check(option.value());
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingCode.INVALID_VALUE, side, option.source().orElseThrow(),
                Describe.setting(option) + " " + at(option) + " is not valid: " + problem.get(),
                SuggestedChange.remove(option.source().orElseThrow(), option.option().key())));
    }

    private static Finding unknown(String key, ObjectRef ref, Side side) {
        String advice = OptionSpelling.closest(key)
                .map(option -> "did you mean '" + option.key() + "'? Rename it")
                .orElse("check its spelling or remove it");
        return Finding.of(FindingCode.UNKNOWN_OPTION, side, ref,
                "Unknown option '" + key + "' " + at(ref) + " is not a TLS option Genesys knows: " + advice,
                SuggestedChange.remove(ref, key));
    }

    private static Finding levelIgnored(SecurityOption option, String value, ObjectRef ref, Side side) {
        return Finding.of(FindingCode.OPTION_LEVEL_IGNORED, side, ref,
                option.key() + "=" + value + " " + at(ref) + " has no effect ("
                        + option.levelProblem(ref.level()) + "): move it to one of those levels or remove it",
                SuggestedChange.remove(ref, option.key()));
    }
}
