package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE_KEY;
import static dev.tlsconsole.policy.option.SecurityOption.FIPS140_ENABLED;
import static dev.tlsconsole.policy.option.SecurityOption.PROVIDER;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;

/**
 * The certificate block of a Java (Platform SDK) side (issue 12 item 7; GENESYS-TLS-REFERENCE.md §8 A3 and §4.2,
 * source PSDKC {@code GConfigTlsPropertyReader}): {@code provider}, {@code certificate}, {@code certificate-key},
 * {@code trusted-ca} and {@code fips140-enabled} come together from the first level that sets any of them; a
 * member that level lacks is unset, not inherited. Native sides keep the three-option block of
 * {@link SideResolver}; this only re-reads the five for Java sides, after the shared resolution.
 */
final class PsdkBlock {

    static final SecurityOption[] MEMBERS = {PROVIDER, CERTIFICATE, CERTIFICATE_KEY, TRUSTED_CA, FIPS140_ENABLED};

    private PsdkBlock() {
    }

    /** The side as PSDK reads it: the five members from one layer (or their defaults when no layer sets any). */
    static ResolvedSide apply(Layer[] layers, ResolvedSide side) {
        int block = blockLayer(layers);
        ResolvedSide out = side;
        for (SecurityOption option : MEMBERS) {
            ResolvedOption resolved = block < 0 ? ResolvedOption.defaultOf(option)
                    : new ResolvedOption(option, layers[block].values().getOrDefault(option.key(), ""), layers[block].level(),
                            layers[block].source());
            if (!resolved.equals(side.get(option))) {
                out = out.with(resolved);
            }
        }
        return out;
    }

    /**
     * PSDK_BLOCK_SPLIT for each member the block's level does not set but a lower level does: that value is not
     * used. The fix sets the member at the block's level with the value the admin put lower.
     */
    static void splits(Layer[] layers, String owner, Side side, List<Finding> out) {
        int block = blockLayer(layers);
        if (block < 0) {
            return;
        }
        Layer at = layers[block];
        ObjectRef fixAt = at.source().orElseThrow();
        for (SecurityOption option : MEMBERS) {
            if (at.values().containsKey(option.key())) {
                continue;
            }
            for (int i = block + 1; i < layers.length; i++) {
                String value = layers[i].values().get(option.key());
                if (value != null) {
                    out.add(Finding.of(FindingCode.PSDK_BLOCK_SPLIT, side, fixAt, Describe.capitalised(owner)
                            + " is a Java (Platform SDK) component, which reads provider, certificate, certificate-key, trusted-ca"
                            + " and fips140-enabled together from the first level that sets any of them, here "
                            + Describe.place(fixAt) + ": " + option.key() + "=" + value + " " + Describe.at(layers[i].ref())
                            + " is not used; set " + option.key() + " " + Describe.at(fixAt) + " too, or keep the five at one level",
                            SuggestedChange.set(fixAt, option.key(), value)));
                    break;
                }
            }
        }
    }

    private static int blockLayer(Layer[] layers) {
        for (int i = 0; i < layers.length; i++) {
            for (SecurityOption option : MEMBERS) {
                if (layers[i].values().containsKey(option.key())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
