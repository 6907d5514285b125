package dev.tlsconsole.resolution;

import org.springframework.web.util.UriComponentsBuilder;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.ObjectRef;

/**
 * Where to see and change an object's options: its page, at the options editor. A port is reached
 * through its application; the ports a connection's policy involves are its server port and the same port of the server's HA backup.
 */
final class PolicyLinks {

    private PolicyLinks() {
    }

    static String options(ObjectRef ref, EffectivePolicy policy) {
        return switch (ref.type()) {
            case HOST -> "/hosts/" + ref.id() + "#options";
            case APPLICATION -> "/applications/" + ref.id() + "#options";
            case PORT -> UriComponentsBuilder.fromPath("/applications/{id}/ports/{portId}")
                    .fragment("options").buildAndExpand(serverOf(ref, policy).application().id(), policy.server().portId())
                    .encode().toUriString();
            case CONNECTION -> "/connections/" + ref.id() + "#options";
            case APPLICATION_ANNEX -> "/applications/" + ref.id() + "/annex#options";
        };
    }

    /** The end a port belongs to: the server's, or its HA backup's (same port id, reference §8 E1). */
    private static EffectivePolicy.ServerEnd serverOf(ObjectRef port, EffectivePolicy policy) {
        return policy.backup().map(EffectivePolicy.Backup::server).filter(end -> end.port().id() == port.id())
                .orElse(policy.server());
    }
}
