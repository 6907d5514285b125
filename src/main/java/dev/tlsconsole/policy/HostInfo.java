package dev.tlsconsole.policy;

import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.OsType;
import java.util.Optional;

/**
 * A host with its Security Pack version parsed once per resolution; empty pack = none or not a version.
 *
 * @param description "UNIX host 'h'" or "Windows host 'h'", which many messages repeat
 */
record HostInfo(HostSnapshot host, ObjectRef ref, Optional<Version> pack, String description) {

    HostInfo(HostSnapshot host, ObjectRef ref, Optional<Version> pack) {
        this(host, ref, pack, (host.osType() == OsType.WINDOWS ? "Windows" : "UNIX") + " host '" + host.name() + "'");
    }

    boolean windows() {
        return host.osType() == OsType.WINDOWS;
    }

    String describe() {
        return description;
    }
}
