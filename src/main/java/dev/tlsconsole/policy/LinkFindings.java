package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;

/**
 * What the supported-component matrix says about a secured connection: {@code LINK_NOT_SUPPORTED},
 * {@code VERSION_TOO_OLD}, {@code PORT_NAME_REQUIRED} and the {@code PRODUCT_SPECIFIC} notes.
 */
final class LinkFindings {

    private LinkFindings() {
    }

    static void catalog(ResolutionRun run, ServerSide server, int clientIndex, int ci, FindingList out) {
        LinkRules.LinkVerdict verdict = run.verdict(clientIndex, server);
        if (verdict.supported() && verdict.productNotes().isEmpty()) {
            return;
        }
        ApplicationSnapshot client = run.snapshot.application(clientIndex);
        ObjectRef connection = run.snapshot.connectionRef(ci);
        String prefix = "Connection '" + connection.name() + "' (" + client.componentType() + " → "
                + server.application().componentType() + "): ";
        boolean notListedReported = false;
        for (LinkRules.Problem problem : verdict.problems()) {
            FindingCode code = switch (problem.kind()) {
                case NOT_LISTED, UNKNOWN_COMPONENT -> FindingCode.LINK_NOT_SUPPORTED;
                case VERSION_TOO_OLD -> FindingCode.VERSION_TOO_OLD;
                case PORT_NAME_REQUIRED -> FindingCode.PORT_NAME_REQUIRED;
            };
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
}
