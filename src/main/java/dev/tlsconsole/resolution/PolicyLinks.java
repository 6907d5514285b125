package dev.tlsconsole.resolution;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.web.ObjectLinks;

/**
 * Where to see and change an object's options: its page, at the options editor. A port is reached
 * through its application; the ports a connection's policy involves are its server port and the same port of the server's HA backup.
 */
final class PolicyLinks {

    private PolicyLinks() {
    }

    static String options(ObjectRef ref, EffectivePolicy policy) {
        return ObjectLinks.options(switch (ref.type()) {
            case HOST -> ObjectLinks.host(ref.id());
            case APPLICATION -> ObjectLinks.application(ref.id());
            case PORT -> ObjectLinks.port(serverOf(ref, policy).application().id(), policy.server().portId());
            case CONNECTION -> ObjectLinks.connection(ref.id());
            case APPLICATION_ANNEX -> ObjectLinks.applicationAnnex(ref.id());
        });
    }

    /** The end a port belongs to: the server's, or its HA backup's (same port id, reference §8 E1). */
    private static EffectivePolicy.ServerEnd serverOf(ObjectRef port, EffectivePolicy policy) {
        return policy.backup().map(EffectivePolicy.Backup::server).filter(end -> end.port().id() == port.id())
                .orElse(policy.server());
    }
}
