package dev.tlsconsole.policy.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Copies {@code [security]} sections into unmodifiable maps that keep the order options were entered in. */
final class SecuritySection {

    private SecuritySection() {
    }

    static Map<String, String> copyOf(Map<String, String> section) {
        Objects.requireNonNull(section, "security section");
        if (section.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>(section.size() * 2);
        section.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "option key"),
                Objects.requireNonNull(value, () -> "value of option " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
