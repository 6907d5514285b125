package dev.tlsconsole.topology.host;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.topology.SearchText;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.TopologyQueries.ApplicationLine;
import dev.tlsconsole.topology.host.HostCommands.HostSummary;
import dev.tlsconsole.topology.host.HostCommands.HostView;

/** What any signed-in user may read about hosts: lists, one host, the applications running on it. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class HostReads {

    private final HostRepository hosts;
    private final TopologyQueries queries;

    HostReads(HostRepository hosts, TopologyQueries queries) {
        this.hosts = hosts;
        this.queries = queries;
    }

    /** Hosts whose name or IP address contains {@code query} (all when blank), a page at a time. */
    public Page<HostView> search(String query, Pageable pageable) {
        return hosts.findAll(matching(query), pageable).map(HostView::of);
    }

    /** One host; {@link NotFoundException} when there is none with that id. */
    public HostView get(long id) {
        return HostView.of(find(id));
    }

    /** A page of hosts with how many applications run on each (the list screen). */
    public Page<HostSummary> summaries(String query, Pageable pageable) {
        Page<HostView> page = search(query, pageable);
        Map<Long, Integer> counts = queries.applicationCounts(page.map(HostView::id).toList());
        return page.map(host -> new HostSummary(host, counts.getOrDefault(host.id(), 0)));
    }

    /** Every host name, sorted, for the pickers of the forms. */
    public List<String> names() {
        return hosts.findAllNames();
    }

    /** The applications running on a host (its neighbourhood). */
    public List<ApplicationLine> applications(long id) {
        find(id);
        return queries.applicationsOnHost(id);
    }

    private Host find(long id) {
        return hosts.findById(id).orElseThrow(() -> NotFoundException.of("Host", id));
    }

    private static Specification<Host> matching(String query) {
        if (SearchText.isBlank(query)) {
            return (root, q, cb) -> cb.conjunction();
        }
        String like = SearchText.contains(query);
        return (root, q, cb) -> cb.or(cb.like(root.get("nameKey"), like, SearchText.ESCAPE),
                cb.like(cb.lower(root.get("ipAddress")), like, SearchText.ESCAPE));
    }
}
