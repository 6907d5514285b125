package dev.tlsconsole.resolution;

import java.util.List;
import java.util.Map;

import dev.tlsconsole.policy.snapshot.ObjectType;

/**
 * One staged what-if change as the API and the options editors name its target: a host or an
 * application by name, a port by application name and port id, a connection by id.
 *
 * @param type         what is changed; null when the request did not say
 * @param name         the host or application name (for a port: its application's)
 * @param portId       for a port
 * @param connectionId for a connection
 * @param set          options to set (a [security] entry, or a transport parameter)
 * @param unset        options to remove
 */
public record PolicyChange(ObjectType type, String name, String portId, Long connectionId, Map<String, String> set,
        List<String> unset) {

    public PolicyChange {
        set = set == null ? Map.of() : set;
        unset = unset == null ? List.of() : unset;
    }
}
