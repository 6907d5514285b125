package dev.tlsconsole.topology.bulk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationRef;

/**
 * What the set-based writers of an import (creations: {@link TopologyBatchWriter}; updates and prune
 * deletions: {@link TopologyBatchUpdater}) share: matching names, gathering every rule's problems of the
 * whole import before anything is written, and writing rows in JDBC batches.
 */
final class BulkRows {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to report progress. */
    static final int BATCH = 1_000;

    private BulkRows() {
    }

    /** The name as the topology matches it: case-insensitive, surrounding blanks ignored. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Adds {@code found}'s problems to {@code problems}, each prefixed with where it came from (file and line). */
    static void collect(ProblemList found, String origin, List<FieldProblem> problems) {
        if (found.isEmpty()) {
            return;
        }
        try {
            found.throwIfAny();
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(origin, origin + ": " + p.field() + ": " + p.message())));
        }
    }

    /** Refuses the whole import when any object broke a rule: nothing is written. */
    static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Writes {@code rows} in batches, telling {@code progress} how many are written after each; the update counts, row by row. */
    static int[] batch(JdbcTemplate jdbc, String sql, List<Object[]> rows, IntConsumer progress) {
        int[] counts = new int[rows.size()];
        for (int from = 0; from < rows.size(); from += BATCH) {
            int to = Math.min(rows.size(), from + BATCH);
            int[] done = jdbc.batchUpdate(sql, rows.subList(from, to));
            System.arraycopy(done, 0, counts, from, done.length);
            progress.accept(to);
        }
        return counts;
    }

    /**
     * What the rules see of an application an import brings: its catalog name, its backup and its port ids
     * ({@code id} and {@code name} are the stored object's, or null and the incoming name for a new one).
     */
    static ApplicationRef incoming(NewApplication app, Long id, String name, Catalog catalog) {
        String type = app.componentType() == null ? null
                : catalog.find(app.componentType()).map(dev.tlsconsole.catalog.Component::name).orElse(app.componentType());
        List<String> ports = app.ports() == null ? List.of() : app.ports().stream()
                .filter(p -> p != null && p.portId() != null).map(p -> p.portId().strip()).toList();
        return new ApplicationRef(id, name, type, app.backup() == null || app.backup().isBlank() ? null : app.backup().strip(),
                ports);
    }

    /** The application rules' view of the topology during an import: what it brings first, then what is stored. */
    static ApplicationRules.Lookup lookup(Map<String, String> hostNames, Map<String, ApplicationRef> incoming,
            Map<String, ApplicationRef> stored) {
        return new ApplicationRules.Lookup() {
            @Override
            public Optional<String> host(String name) {
                return Optional.ofNullable(hostNames.get(key(name)));
            }

            @Override
            public Optional<ApplicationRef> application(String name) {
                ApplicationRef found = incoming.get(key(name));
                return found != null ? Optional.of(found) : Optional.ofNullable(stored.get(key(name)));
            }
        };
    }
}
