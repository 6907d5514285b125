package dev.tlsconsole.policy.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One what-if edit: options to set and to remove on a host's annex {@code [security]}, an
 * application's {@code [security]}, or the transport of a port or a connection.
 */
public record StagedChange(ObjectType targetType, long targetId, Map<String, String> set, Set<String> unset) {

    public StagedChange {
        Objects.requireNonNull(targetType, "targetType");
        set = SecuritySection.copyOf(set);
        unset = Set.copyOf(unset);
        for (String key : set.keySet()) {
            if (unset.contains(key)) {
                throw new InvalidChangeException("option '" + key + "' is both set and unset in one change");
            }
        }
    }

    public static StagedChange set(ObjectType type, long id, Map<String, String> set) {
        return new StagedChange(type, id, set, Set.of());
    }

    public static StagedChange unset(ObjectType type, long id, Set<String> unset) {
        return new StagedChange(type, id, Map.of(), unset);
    }
}
