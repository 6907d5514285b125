package dev.tlsconsole.policy.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A Genesys Application as the engine sees it.
 *
 * @param componentType       catalog component name, e.g. {@code Configuration Server}
 * @param componentVersion    version as entered, e.g. {@code 8.5.1}
 * @param backupApplicationId the backup of an HA pair, null when none
 * @param security            the options {@code [security]} section, in entry order
 */
public record Application(long id, String name, String componentType, String componentVersion, long hostId,
                          @Nullable Long backupApplicationId, Map<String, String> security) {

    public Application {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(componentVersion, "componentVersion");
        security = SecuritySection.copyOf(security);
    }

    public OptionalLong backup() {
        return backupApplicationId == null ? OptionalLong.empty() : OptionalLong.of(backupApplicationId);
    }

    Application withSecurity(Map<String, String> newSecurity) {
        return new Application(id, name, componentType, componentVersion, hostId, backupApplicationId, newSecurity);
    }
}
