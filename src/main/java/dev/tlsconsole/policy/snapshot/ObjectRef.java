package dev.tlsconsole.policy.snapshot;

import dev.tlsconsole.policy.option.Level;
import java.util.Objects;

/**
 * A link to a topology object for the UI and the API: type, id and a display name. Ports are named
 * {@code application:portId} and connections {@code client → application:portId}, because those are
 * the names users know them by.
 */
public record ObjectRef(ObjectType type, long id, String name) {

    public ObjectRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** The option level of the referenced object. */
    public Level level() {
        return type.level();
    }
}
