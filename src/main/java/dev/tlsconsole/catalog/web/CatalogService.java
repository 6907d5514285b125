package dev.tlsconsole.catalog.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.CatalogCsv;
import dev.tlsconsole.catalog.CatalogMatrix;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.LinkCheck;
import dev.tlsconsole.catalog.LinkCheckResult;
import dev.tlsconsole.catalog.MatrixCell;
import dev.tlsconsole.catalog.SupportedLink;
import dev.tlsconsole.policy.Version;

/**
 * Read access to the supported-component matrix, for the screens and the API alike. The catalog is not secret, so
 * every signed-in role may read it; it is loaded once and never changes at run time, so nothing here is audited.
 * Names and versions typed by people are checked here, once for both front ends: every problem at once, each naming
 * its parameter, as an {@link InvalidInputException} (a 400 on the API, messages next to the form on a screen).
 */
@Service
public class CatalogService {

    private final Catalog catalog;
    private final CatalogMatrix matrix;
    private final LinkCheck linkCheck;

    CatalogService(Catalog catalog, CatalogMatrix matrix, LinkCheck linkCheck) {
        this.catalog = catalog;
        this.matrix = matrix;
        this.linkCheck = linkCheck;
    }

    /** The whole catalog (components, groups, catalogue-wide notes): immutable, so safe to hand out. */
    @PreAuthorize("isAuthenticated()")
    public Catalog catalog() {
        return catalog;
    }

    /** The component with this name or alias, ignoring case. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Component> find(String nameOrAlias) {
        return catalog.find(nameOrAlias);
    }

    /**
     * Links and rules a client {@code from} may use towards a server {@code to}; either may be blank (= any).
     *
     * @throws InvalidInputException naming each parameter whose component is unknown
     */
    @PreAuthorize("isAuthenticated()")
    public List<SupportedLink> links(@Nullable String from, @Nullable String to) {
        List<FieldProblem> problems = new ArrayList<>();
        Component client = component("from", from, false, problems);
        Component server = component("to", to, false, problems);
        rejectIfAny(problems);
        return catalog.linksFor(client == null ? null : client.name(), server == null ? null : server.name());
    }

    /**
     * Checks one connection against the matrix.
     *
     * @throws InvalidInputException for a missing or unknown component and a malformed version, all at once
     */
    @PreAuthorize("isAuthenticated()")
    public LinkCheckResult check(LinkQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        Component client = component("from", query.from(), true, problems);
        Version clientVersion = version("fromVersion", query.fromVersion(), problems);
        Component server = component("to", query.to(), true, problems);
        Version serverVersion = version("toVersion", query.toVersion(), problems);
        rejectIfAny(problems);
        String port = query.port() == null || query.port().isBlank() ? null : query.port().strip();
        return linkCheck.check(client.name(), clientVersion, server.name(), serverVersion, port);
    }

    /** The links and rules covering {@code client → server}; empty when the matrix lists none. */
    @PreAuthorize("isAuthenticated()")
    public Optional<MatrixCell> cell(Component client, Component server) {
        return matrix.cell(client, server);
    }

    /** The grid for one filter, grouped by layer, with empty rows and columns collapsed. */
    @PreAuthorize("isAuthenticated()")
    public MatrixView matrix(MatrixFilter filter) {
        return MatrixView.build(matrix, filter);
    }

    /** What a component may connect to and be connected from, explicit links apart from wildcard rules. */
    @PreAuthorize("isAuthenticated()")
    public ComponentLinks linksOf(Component component) {
        return ComponentLinks.of(catalog, component);
    }

    /** Components whose name or an alias contains {@code query}, an exact name or alias first. */
    @PreAuthorize("isAuthenticated()")
    public ComponentSearch search(String query) {
        return ComponentSearch.run(catalog, query);
    }

    /** {@code links} as CSV, in the columns of {@link CatalogCsv#HEADER}, for a spreadsheet. */
    @PreAuthorize("isAuthenticated()")
    public String csv(List<SupportedLink> links) {
        StringWriter out = new StringWriter();
        try {
            CatalogCsv.write(links, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private @Nullable Component component(String field, @Nullable String name, boolean required,
                                          List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: a component name or alias, e.g. Chat Server"));
            }
            return null;
        }
        Optional<Component> found = catalog.find(name);
        if (found.isEmpty()) {
            problems.add(new FieldProblem(field,
                    "'" + name.strip() + "' is not a component name or alias in the supported-component catalog"));
        }
        return found.orElse(null);
    }

    private static @Nullable Version version(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    private static void rejectIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
