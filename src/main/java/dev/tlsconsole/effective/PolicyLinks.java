package dev.tlsconsole.effective;

import org.springframework.web.util.UriComponentsBuilder;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.ObjectRef;

/**
 * Where to see and change an object's options: its page, at the options editor. A port is reached
 * through its application; the only port a connection's policy involves is its server port.
 */
final class PolicyLinks {

    private PolicyLinks() {
    }

    static String options(ObjectRef ref, EffectivePolicy policy) {
        return switch (ref.type()) {
            case HOST -> "/hosts/" + ref.id() + "#options";
            case APPLICATION -> "/applications/" + ref.id() + "#options";
            case PORT -> UriComponentsBuilder.fromPath("/applications/{id}/ports/{portId}")
                    .fragment("options").buildAndExpand(policy.server().application().id(), policy.server().portId())
                    .encode().toUriString();
            case CONNECTION -> "/connections/" + ref.id() + "#options";
            case APPLICATION_ANNEX -> "/applications/" + ref.id() + "/annex#options";
        };
    }
}
