package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE_KEY;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.option.SecurityOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings about the certificate block of one side that are the same on server and client:
 * incomplete UNIX material and {@code sec-protocol} at another level than the certificate.
 */
final class CertificateBlock {

    private CertificateBlock() {
    }

    /** Why a side has no certificate, for messages. */
    static String origin(ResolvedOption certificate) {
        return certificate.isSet()
                ? "the certificate block is taken from " + Describe.place(certificate.source().orElseThrow())
                        + ", which sets certificate-key or trusted-ca but not certificate"
                : "no level sets it";
    }

    /**
     * UNIX_KEY_OR_CA_MISSING when the side has a certificate but the block's level lacks the key (or,
     * when {@code caRequired}, the CA). Points out values set at lower levels, which the block rule ignores.
     */
    static Optional<Finding> missingKeyOrCa(ResolvedSide side, Layer[] layers, HostInfo host, String owner, Side findingSide,
                                            boolean caRequired) {
        List<String> missing = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        SuggestedChange suggestion = null;
        for (SecurityOption option : new SecurityOption[] {CERTIFICATE_KEY, TRUSTED_CA}) {
            if ((option == CERTIFICATE_KEY || caRequired) && !side.get(option).hasValue()) {
                missing.add(option.key());
                Optional<Layer> lower = lowerValue(layers, side.get(CERTIFICATE), option);
                lower.ifPresent(layer -> ignored.add(option.key() + " " + Describe.at(layer.ref())));
                // one missing member whose value sits lower: copying it to the block's level clears the finding
                suggestion = lower.map(layer -> SuggestedChange.set(side.get(CERTIFICATE).source().orElseThrow(), option.key(),
                        layer.values().get(option.key()))).orElse(null);
            }
        }
        if (missing.size() > 1) {
            suggestion = null;
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        ResolvedOption certificate = side.get(CERTIFICATE);
        String note = ignored.isEmpty() ? "" : " (" + String.join(" and ", ignored)
                + " is not used: the three are read together from the first level that sets any of them)";
        return Optional.of(Finding.of(FindingCode.UNIX_KEY_OR_CA_MISSING, findingSide, certificate.source().orElseThrow(),
                Describe.capitalised(owner) + " on " + host.describe() + " has its certificate set " + Describe.at(certificate)
                        + " but " + String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                        + " not set there: set " + (missing.size() > 1 ? "them" : "it") + " there too" + note, suggestion));
    }

    /** SEC_PROTOCOL_LEVEL: on a UNIX side with a certificate, sec-protocol set at another level. */
    static Optional<Finding> secProtocolLevel(ResolvedSide side, HostInfo host, String owner, Side findingSide) {
        ResolvedOption protocol = side.get(SEC_PROTOCOL);
        ResolvedOption certificate = side.get(CERTIFICATE);
        if (host.windows() || !certificate.hasValue() || !protocol.isSet() || protocol.level() == certificate.level()) {
            return Optional.empty();
        }
        // setting it at the certificate's level clears this only when that level wins over the current one;
        // then the certificate's object is where the fix is made
        boolean moveUp = certificate.level().compareTo(protocol.level()) < 0;
        return Optional.of(Finding.of(FindingCode.SEC_PROTOCOL_LEVEL, findingSide,
                moveUp ? certificate.source().orElseThrow() : protocol.source().orElseThrow(),
                Describe.setting(protocol) + " is set " + Describe.at(protocol) + " but the certificate of " + owner
                        + " is set " + Describe.at(certificate) + ": Genesys expects sec-protocol at the same level as the certificate; move it to "
                        + Describe.place(certificate.source().orElseThrow()),
                moveUp ? SuggestedChange.set(certificate.source().orElseThrow(), SEC_PROTOCOL.key(), protocol.value()) : null));
    }

    private static Optional<Layer> lowerValue(Layer[] layers, ResolvedOption certificate, SecurityOption option) {
        boolean below = false;
        for (Layer layer : layers) {
            if (below && layer.values().containsKey(option.key())) {
                return Optional.of(layer);
            }
            below |= layer.level() == certificate.level();
        }
        return Optional.empty();
    }
}
