package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.StagedChange;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable fix of a finding (issue 12 item 8): set one option on one object, or remove it
 * when {@code value} is null. Staged in a preview, it clears the finding it belongs to.
 *
 * @param target the object that holds the option (its type is the level)
 * @param option the option, spelt as Genesys stores it
 * @param value  the value to set; null means "remove the option from that object"
 */
public record SuggestedChange(ObjectRef target, String option, @Nullable String value) {

    public SuggestedChange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(option, "option");
    }

    public static SuggestedChange set(ObjectRef target, String option, String value) {
        return new SuggestedChange(target, option, Objects.requireNonNull(value, "value"));
    }

    public static SuggestedChange remove(ObjectRef target, String option) {
        return new SuggestedChange(target, option, null);
    }

    public boolean removes() {
        return value == null;
    }

    /** The same change on another object (the connection that replaces a shared profile's placeholder). */
    public SuggestedChange on(ObjectRef other) {
        return new SuggestedChange(other, option, value);
    }

    /** The change as a preview stages it. */
    public StagedChange staged() {
        return value == null ? StagedChange.unset(target.type(), target.id(), Set.of(option))
                : StagedChange.set(target.type(), target.id(), Map.of(option, value));
    }
}
