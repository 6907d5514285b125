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
 * @param annex               the annex {@code [security]} section, read after {@code security} and before
 *                            the host annex (reference §8 A1)
 */
public record ApplicationSnapshot(long id, String name, String componentType, String componentVersion, long hostId,
                          @Nullable Long backupApplicationId, Map<String, String> security, Map<String, String> annex) {

    /** An application with an empty annex. */
    public ApplicationSnapshot(long id, String name, String componentType, String componentVersion, long hostId,
            @Nullable Long backupApplicationId, Map<String, String> security) {
        this(id, name, componentType, componentVersion, hostId, backupApplicationId, security, Map.of());
    }

    public ApplicationSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(componentVersion, "componentVersion");
        security = SecuritySection.copyOf(security);
        annex = SecuritySection.copyOf(annex == null ? Map.of() : annex);
    }

    public OptionalLong backup() {
        return backupApplicationId == null ? OptionalLong.empty() : OptionalLong.of(backupApplicationId);
    }

    ApplicationSnapshot withSecurity(Map<String, String> newSecurity) {
        return new ApplicationSnapshot(id, name, componentType, componentVersion, hostId, backupApplicationId, newSecurity, annex);
    }

    ApplicationSnapshot withAnnex(Map<String, String> newAnnex) {
        return new ApplicationSnapshot(id, name, componentType, componentVersion, hostId, backupApplicationId, security, newAnnex);
    }
}
