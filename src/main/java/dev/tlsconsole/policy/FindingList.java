package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one connection while it is being put together: the server side's and the client
 * side's lists (shared, already in severity order) plus what only this connection adds. When it adds
 * nothing and one side has nothing, {@link #sorted()} hands back the other side's list as is.
 */
final class FindingList {

    private static final Severity[] SEVERITIES = Severity.values();

    private List<Finding> server = List.of();
    private List<Finding> client = List.of();
    private List<Finding> extra;

    void server(List<Finding> findings) {
        server = findings;
    }

    void client(List<Finding> findings) {
        client = findings;
    }

    void add(Finding finding) {
        extra().add(finding);
    }

    /** The connection's own additions, for helpers that append to a {@code List<Finding>}. */
    List<Finding> extra() {
        if (extra == null) {
            extra = new ArrayList<>(4);
        }
        return extra;
    }

    /** Errors, then warnings, then infos; within a severity: server, client, then the connection's own. */
    List<Finding> sorted() {
        if (extra == null || extra.isEmpty()) {
            if (client.isEmpty()) {
                return server;
            }
            if (server.isEmpty()) {
                return client;
            }
        }
        int size = server.size() + client.size() + (extra == null ? 0 : extra.size());
        Finding[] out = new Finding[size];
        int n = 0;
        for (Severity severity : SEVERITIES) {
            n = copy(server, severity, out, n);
            n = copy(client, severity, out, n);
            if (extra != null) {
                n = copy(extra, severity, out, n);
            }
        }
        return List.of(out);
    }

    /** An unmodifiable copy in severity order (stable), as the side caches keep their lists. */
    static List<Finding> bySeverity(List<Finding> findings) {
        FindingList list = new FindingList();
        list.extra().addAll(findings);
        return findings.isEmpty() ? List.of() : list.sorted();
    }

    private static int copy(List<Finding> from, Severity severity, Finding[] out, int n) {
        for (int i = 0; i < from.size(); i++) {
            Finding finding = from.get(i);
            if (finding.severity() == severity) {
                out[n++] = finding;
            }
        }
        return n;
    }
}
