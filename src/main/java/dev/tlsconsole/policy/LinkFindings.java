package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;

/**
 * What the supported-component matrix says about a secured connection: {@code LINK_NOT_SUPPORTED},
 * {@code VERSION_TOO_OLD}, {@code PORT_NAME_REQUIRED} and the {@code PRODUCT_SPECIFIC} notes.
 */
final class LinkFindings {

    private LinkFindings() {
    }

    /** True when the catalog has nothing to say about the link. */
    static boolean silent(LinkRules.LinkVerdict verdict) {
        return verdict.supported() && verdict.productNotes().isEmpty();
    }

    /** The codes {@link #render} adds for this verdict, as bits by ordinal. */
    static long codes(LinkRules.LinkVerdict verdict) {
        long bits = 0;
        boolean notListedReported = false;
        for (LinkRules.Problem problem : verdict.problems()) {
            FindingCode code = code(problem);
            notListedReported |= code == FindingCode.LINK_NOT_SUPPORTED;
            bits |= PairVerdict.bit(code);
        }
        if (!verdict.listed() && !notListedReported) {
            bits |= PairVerdict.bit(FindingCode.LINK_NOT_SUPPORTED);
        }
        return bits | (verdict.productNotes().isEmpty() ? 0 : PairVerdict.bit(FindingCode.PRODUCT_SPECIFIC));
    }

    /** The findings of one connection for a verdict that is not {@link #silent}. */
    static void render(LinkRules.LinkVerdict verdict, ServerSide server, String clientType, ObjectRef connection, List<Finding> out) {
        String prefix = "Connection '" + connection.name() + "' (" + clientType + " → "
                + server.application().componentType() + "): ";
        boolean notListedReported = false;
        for (LinkRules.Problem problem : verdict.problems()) {
            FindingCode code = code(problem);
            notListedReported |= code == FindingCode.LINK_NOT_SUPPORTED;
            ObjectRef fixAt = code == FindingCode.PORT_NAME_REQUIRED ? server.end().port() : connection;
            out.add(Finding.of(code, Side.LINK, fixAt, prefix + problem.message()));
        }
        if (!verdict.listed() && !notListedReported) {
            out.add(Finding.of(FindingCode.LINK_NOT_SUPPORTED, Side.LINK, connection, prefix
                    + "the supported-component matrix does not list TLS on this link: check the product documentation or use a plain connection"));
        }
        for (String note : verdict.productNotes()) {
            out.add(Finding.of(FindingCode.PRODUCT_SPECIFIC, Side.LINK, connection, prefix + note));
        }
    }

    private static FindingCode code(LinkRules.Problem problem) {
        return switch (problem.kind()) {
            case NOT_LISTED, UNKNOWN_COMPONENT -> FindingCode.LINK_NOT_SUPPORTED;
            case VERSION_TOO_OLD -> FindingCode.VERSION_TOO_OLD;
            case PORT_NAME_REQUIRED -> FindingCode.PORT_NAME_REQUIRED;
        };
    }
}
