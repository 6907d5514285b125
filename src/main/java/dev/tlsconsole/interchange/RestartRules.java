package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a change of each TLS option takes effect in Genesys, with how sure that is and where it is
 * written. Looked up in the Genesys documentation (GENESYS-TLS-REFERENCE.md §7 names the pages):
 * only {@code tls-mutual} and {@code sec-protocol} are said to take effect immediately, by the
 * Security Deployment Guide's TLS introduction [S]; the Configuration Options Reference gives
 * "Changes Take Effect" for the client-side port parameters of a connection's transport ("After
 * client application restart" [D9]) but for no TLS option; the Security Pack needs a restart [D8];
 * certificates are read when a secure connection is set up, so a new file most likely needs a restart
 * (inferred). Every other key: not documented — restart to be sure.
 */
final class RestartRules {

    enum Effect {
        IMMEDIATELY, AFTER_RESTART, RESTART_TO_BE_SURE
    }

    enum Certainty {
        DOCUMENTED, INFERRED, UNDOCUMENTED
    }

    /** The rule of one option: when its change takes effect, how sure that is, and the source. */
    record Rule(String option, Effect effect, Certainty certainty, String source) {
    }

    private static final String SDG_INTRODUCTION = "Security Deployment Guide, Introduction to Genesys TLS "
            + "(docs.genesys.com/Documentation/System/8.5.x/SDG/TLSIn) [S]";
    private static final String TRANSPORT_PARAMETERS = "Framework Configuration Options Reference, Transport Parameter "
            + "Options: \"Changes Take Effect: After client application restart\" "
            + "(docs.genesys.com/Documentation/FR/latest/CORM/CommTransParms) [D9]";
    private static final String CERTIFICATE_FILES = "inferred: the files are read when a secure connection is set up; "
            + "no Genesys page found says when a changed file is picked up";

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        rule("tls-mutual", Effect.IMMEDIATELY, Certainty.DOCUMENTED, SDG_INTRODUCTION);
        rule("sec-protocol", Effect.IMMEDIATELY, Certainty.DOCUMENTED, SDG_INTRODUCTION);
        rule("port", Effect.AFTER_RESTART, Certainty.DOCUMENTED, TRANSPORT_PARAMETERS);
        rule("backup-port", Effect.AFTER_RESTART, Certainty.DOCUMENTED, TRANSPORT_PARAMETERS);
        for (String file : List.of("certificate", "certificate-key", "trusted-ca", "crl")) {
            rule(file, Effect.AFTER_RESTART, Certainty.INFERRED, CERTIFICATE_FILES);
        }
    }

    private RestartRules() {
    }

    private static void rule(String option, Effect effect, Certainty certainty, String source) {
        RULES.put(option, new Rule(option, effect, certainty, source));
    }

    /** The rule for {@code option}: documented, inferred, or "restart to be sure" when no page says. */
    static Rule of(String option) {
        Rule rule = RULES.get(option);
        return rule != null ? rule : new Rule(option, Effect.RESTART_TO_BE_SURE, Certainty.UNDOCUMENTED,
                "no \"Changes Take Effect\" found for it in the Genesys documentation");
    }

    /** The runbook's lines for the options {@code keys}: grouped by rule, each group with its certainty and source. */
    static List<String> describe(Collection<String> keys) {
        Map<String, SortedSet<String>> groups = new LinkedHashMap<>();
        Map<String, Rule> sample = new LinkedHashMap<>();
        // documented before inferred before undocumented, within each kind of effect
        for (Effect effect : Effect.values()) {
            for (Certainty certainty : Certainty.values()) {
                for (String key : new TreeSet<>(keys)) {
                    Rule rule = of(key);
                    if (rule.effect() == effect && rule.certainty() == certainty) {
                        String group = rule.effect() + "|" + rule.certainty() + "|" + rule.source();
                        groups.computeIfAbsent(group, g -> new TreeSet<>()).add("`" + key + "`");
                        sample.putIfAbsent(group, rule);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((group, options) -> {
            Rule rule = sample.get(group);
            String when = switch (rule.effect()) {
                case IMMEDIATELY -> "take effect immediately";
                case AFTER_RESTART -> "take effect after the application restarts";
                case RESTART_TO_BE_SURE -> "restart to be sure";
            };
            String sure = switch (rule.certainty()) {
                case DOCUMENTED -> "documented: ";
                case INFERRED -> "unconfirmed, ";
                case UNDOCUMENTED -> "unconfirmed: ";
            };
            lines.add(String.join(", ", options) + ": " + when + " [" + sure + rule.source() + "]");
        });
        return lines;
    }
}
