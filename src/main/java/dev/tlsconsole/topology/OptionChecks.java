package dev.tlsconsole.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.OptionSpelling;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.option.TransportSyntaxException;

/**
 * Checks TLS options as the user enters them, with the option vocabulary of the policy engine:
 * {@code [security]} sections of hosts and applications (a map of option name to string value) and
 * the transport strings of ports and connections. Known options are held to their value sets and
 * levels; unknown keys are kept exactly as entered and reported as warnings, never dropped.
 */
public final class OptionChecks {

    public static final int MAX_KEY_LENGTH = 255;
    public static final int MAX_VALUE_LENGTH = 4000;
    public static final int MAX_TRANSPORT_LENGTH = 4000;

    private OptionChecks() {
    }

    /**
     * Checks a {@code [security]} section set at {@code level} and returns it sorted by key (the
     * canonical order in which it is stored and shown). {@code null} is the empty section.
     */
    public static SortedMap<String, String> section(Level level, Map<String, String> options, ProblemList problems,
            String field) {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (options == null) {
            return sorted;
        }
        options.forEach((key, value) -> {
            String where = field + "." + key;
            Optional<String> keyProblem = keyProblem(key);
            if (keyProblem.isPresent()) {
                problems.add(field, keyProblem.get());
                return;
            }
            if (value == null) {
                problems.add(where, key + " needs a value (remove the option to inherit it)");
                return;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(where, "the value of " + key + " must be at most " + MAX_VALUE_LENGTH + " characters");
                return;
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                problems.add(where, key + " must not contain line breaks, tabs or other control characters");
                return;
            }
            SecurityOption.validate(level, key, value).ifPresent(message -> problems.add(where, message));
            sorted.put(key, value);
        });
        return sorted;
    }

    /**
     * Parses and checks the transport string of a port ({@link Level#PORT}) or connection
     * ({@link Level#CONNECTION}); {@code null} is the empty transport. Returns the parsed string
     * (render it for the canonical text) or empty when it does not parse.
     */
    public static Optional<TransportString> transport(Level level, String text, ProblemList problems, String field) {
        if (text == null || text.isEmpty()) {
            return Optional.of(TransportString.EMPTY);
        }
        if (text.length() > MAX_TRANSPORT_LENGTH) {
            problems.add(field, "must be at most " + MAX_TRANSPORT_LENGTH + " characters");
            return Optional.empty();
        }
        TransportString parsed;
        try {
            parsed = TransportString.parse(text);
        } catch (TransportSyntaxException e) {
            problems.add(field, "'" + excerpt(text) + "' does not parse: " + e.getMessage());
            return Optional.empty();
        }
        int before = problems.size();
        for (TransportString.Parameter parameter : parsed.parameters()) {
            SecurityOption.validate(level, parameter.key(), parameter.value()).ifPresent(message -> problems.add(field, message));
        }
        return problems.size() == before ? Optional.of(parsed) : Optional.empty();
    }

    /** Unknown keys of a {@code [security]} section: each is kept, and each deserves a second look. */
    public static List<OptionWarning> sectionWarnings(String field, Map<String, String> options) {
        List<OptionWarning> warnings = new ArrayList<>();
        new TreeMap<>(options).keySet().forEach(key -> {
            if (SecurityOption.fromKey(key).isEmpty()) {
                warnings.add(new OptionWarning(field + "." + key, unknownMessage(key)));
            }
        });
        return warnings;
    }

    /**
     * Transport keys that look like misspelt TLS options. Transports legitimately carry other
     * parameters ({@code port}, {@code backup-port}, {@code sip.transport.0}), which are not flagged.
     */
    public static List<OptionWarning> transportWarnings(String field, String transport) {
        if (transport == null || transport.isEmpty()) {
            return List.of();
        }
        List<OptionWarning> warnings = new ArrayList<>();
        for (TransportString.Parameter parameter : TransportString.parse(transport).parameters()) {
            if (OptionSpelling.looksLikeTlsOption(parameter.key())) {
                warnings.add(new OptionWarning(field, unknownMessage(parameter.key())));
            }
        }
        return Collections.unmodifiableList(warnings);
    }

    /** The sentence shown next to an unknown key. */
    public static String unknownMessage(String key) {
        return "'" + key + "' is not a TLS option the console knows"
                + OptionSpelling.closest(key).map(o -> " (did you mean '" + o.key() + "'?)").orElse("")
                + ": it is kept as entered, and Genesys ignores it if it is misspelt";
    }

    private static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("an option needs a name");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.of("option name '" + key.substring(0, 40) + "…' is longer than " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '=' || c == ';') {
                return Optional.of("option name '" + key + "' must not contain spaces, control characters, '=' or ';'");
            }
        }
        return Optional.empty();
    }

    private static String excerpt(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** A remark about a kept option: {@code field} names where it is ({@code security.tls-mutal}, {@code ports[0].transport}). */
    public record OptionWarning(String field, String message) {
    }
}
