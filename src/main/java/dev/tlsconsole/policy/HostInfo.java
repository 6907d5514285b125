package dev.tlsconsole.policy;

import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.OsType;
import java.util.Optional;

/** A host with its Security Pack version parsed once per resolution; empty pack = none or not a version. */
record HostInfo(HostSnapshot host, ObjectRef ref, Optional<Version> pack) {

    boolean windows() {
        return host.osType() == OsType.WINDOWS;
    }

    String describe() {
        return (windows() ? "Windows" : "UNIX") + " host '" + host.name() + "'";
    }
}
