package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The winning value of one option on one side, and where it came from.
 *
 * @param value  the value as stored ({@code ""} when nothing is set and the option has no default)
 * @param level  the level that set it, {@code DEFAULT} when none did
 * @param source the object that set it; empty exactly when {@code level} is {@code DEFAULT}
 */
public record ResolvedOption(SecurityOption option, String value, Level level, Optional<ObjectRef> source) {

    private static final Map<SecurityOption, ResolvedOption> DEFAULTS = new EnumMap<>(SecurityOption.class);

    static {
        for (SecurityOption option : SecurityOption.values()) {
            DEFAULTS.put(option, new ResolvedOption(option, option.defaultValue(), Level.DEFAULT, Optional.empty()));
        }
    }

    public ResolvedOption {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        if ((level == Level.DEFAULT) == source.isPresent()) {
            throw new IllegalArgumentException("a " + level + " value of " + option.key()
                    + (source.isPresent() ? " cannot have" : " needs") + " a source object");
        }
    }

    /** The option's default, shared. */
    public static ResolvedOption defaultOf(SecurityOption option) {
        return DEFAULTS.get(option);
    }

    /** True when some level set the option (even to an empty value). */
    public boolean isSet() {
        return level != Level.DEFAULT;
    }

    /** True when the value is non-empty. */
    public boolean hasValue() {
        return !value.isEmpty();
    }

    public boolean is(String expected) {
        return value.equals(expected);
    }
}
