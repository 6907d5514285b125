package dev.tlsconsole.policy.option;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the value of one {@link SecurityOption} is checked; messages are written for the user. */
enum ValueRule {

    ZERO_ONE(List.of("0", "1"), false),
    NAME_CHECK(List.of("no", "host"), false),
    PROTOCOL(List.of("SSLv23", "SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"), true),
    /** paths, thumbprints, cipher lists: anything a transport string can carry */
    TEXT(List.of(), true),
    HOST_NAME(List.of(), true);

    private final List<String> values;
    private final boolean emptyAllowed;

    ValueRule(List<String> values, boolean emptyAllowed) {
        this.values = values;
        this.emptyAllowed = emptyAllowed;
    }

    List<String> choices() {
        return values;
    }

    Optional<String> check(String key, String value) {
        if (value == null) {
            return Optional.of(key + " needs a value" + (values.isEmpty() ? "" : ": " + describeChoices()));
        }
        if (!values.isEmpty()) {
            return checkChoice(key, value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';') {
                return Optional.of(key + " must not contain ';' (it separates transport parameters): '" + value + "'");
            }
            if (Character.isISOControl(c)) {
                return Optional.of(key + " must not contain line breaks, tabs or other control characters");
            }
            if (this == HOST_NAME && Character.isWhitespace(c)) {
                return Optional.of(key + " must be a host name without spaces, not '" + value + "'");
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkChoice(String key, String value) {
        if (values.contains(value) || (emptyAllowed && value.isEmpty())) {
            return Optional.empty();
        }
        String normalised = normalise(value);
        String hint = values.stream()
                .filter(candidate -> normalise(candidate).equals(normalised))
                .findFirst()
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
        return Optional.of(key + " must be " + describeChoices() + ", not '" + value + "'" + hint);
    }

    private String describeChoices() {
        if (values.size() == 2 && !emptyAllowed) {
            return values.get(0) + " or " + values.get(1);
        }
        return "one of " + String.join(", ", values) + (emptyAllowed ? ", or empty" : "");
    }

    /** {@code tlsv1.2}, {@code TLS_v12} and {@code TLSv12} all normalise to {@code tlsv12}. */
    private static String normalise(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '.' && c != '_' && c != ' ' && c != '-') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
