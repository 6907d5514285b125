package dev.tlsconsole.topology.application;

import java.util.List;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.topology.SearchText;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.TopologyQueries.ConnectionLine;
import dev.tlsconsole.topology.TopologyQueries.NamedRef;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.host.Host;

/** What any signed-in user may read about applications: lists, one application, its neighbourhood. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ApplicationReads {

    private final ApplicationRepository applications;
    private final TopologyQueries queries;

    ApplicationReads(ApplicationRepository applications, TopologyQueries queries) {
        this.applications = applications;
        this.queries = queries;
    }

    /** Applications whose name, component type or host contains {@code query} (all when blank), a page at a time. */
    public Page<ApplicationView> search(String query, Pageable pageable) {
        return applications.findAll(matching(query), pageable).map(ApplicationView::of);
    }

    /** One application with its ports; {@link NotFoundException} when there is none with that id. */
    public ApplicationView get(long id) {
        return ApplicationView.of(applications.findById(id).orElseThrow(() -> NotFoundException.of("Application", id)));
    }

    /** Its connections, outgoing (it is the client) and incoming (to one of its ports). */
    public List<ConnectionLine> connections(long id) {
        return queries.connectionsOf(id);
    }

    /** The applications that name it as their backup. */
    public List<NamedRef> primaries(long id) {
        return queries.primariesOf(id);
    }

    /** Every application name, sorted, for the pickers of the forms. */
    public List<String> names() {
        return applications.findAllNames();
    }

    private static Specification<Application> matching(String query) {
        if (SearchText.isBlank(query)) {
            return (root, q, cb) -> cb.conjunction();
        }
        String like = SearchText.contains(query);
        return (root, q, cb) -> {
            Join<Application, Host> host = root.join("host", JoinType.INNER);
            return cb.or(cb.like(root.get("nameKey"), like, SearchText.ESCAPE),
                    cb.like(cb.lower(root.get("componentType")), like, SearchText.ESCAPE),
                    cb.like(host.get("nameKey"), like, SearchText.ESCAPE));
        };
    }
}
