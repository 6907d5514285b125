package dev.tlsconsole.policy;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * One level of a side's lookup chain: the object and the options it sets (for a transport, only the
 * TLS options Genesys reads there).
 */
record Layer(ObjectRef ref, Optional<ObjectRef> source, Map<String, String> values) {

    Layer(ObjectRef ref, Map<String, String> values) {
        this(ref, Optional.of(ref), values);
    }

    Level level() {
        return ref.level();
    }
}
