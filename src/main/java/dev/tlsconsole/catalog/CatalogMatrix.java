package dev.tlsconsole.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as a from × to grid: for every (client, server) pair, the links and rules covering it. Computed once
 * (the catalog is immutable) so the grid, the component pages and a later topology overlay do not re-run every link
 * against every pair on each request.
 */
public final class CatalogMatrix {

    private final Catalog catalog;
    private final Map<String, Map<String, MatrixCell>> byClient;
    private final int coveredPairs;

    public CatalogMatrix(Catalog catalog) {
        this.catalog = catalog;
        Map<String, Map<String, MatrixCell>> cells = new HashMap<>();
        int covered = 0;
        for (Component client : catalog.components()) {
            Map<String, MatrixCell> row = new HashMap<>();
            for (Component server : catalog.components()) {
                cellOf(client, server).ifPresent(cell -> row.put(server.name(), cell));
            }
            covered += row.size();
            cells.put(client.name(), Map.copyOf(row));
        }
        this.byClient = Map.copyOf(cells);
        this.coveredPairs = covered;
    }

    private Optional<MatrixCell> cellOf(Component client, Component server) {
        List<MatrixCell.Coverage> explicit = new ArrayList<>();
        List<MatrixCell.Coverage> wildcards = new ArrayList<>();
        for (SupportedLink link : catalog.links()) {
            link.orient(client, server).ifPresent(orientation ->
                    (link.wildcard() ? wildcards : explicit).add(new MatrixCell.Coverage(link, orientation)));
        }
        return explicit.isEmpty() && wildcards.isEmpty() ? Optional.empty()
                : Optional.of(new MatrixCell(client, server, explicit, wildcards));
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The links and rules that let {@code client} connect to {@code server}; empty when the matrix has none. */
    public Optional<MatrixCell> cell(Component client, Component server) {
        Map<String, MatrixCell> row = byClient.get(client.name());
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(server.name()));
    }

    /** How many (client, server) pairs any link or rule covers. */
    public int coveredPairs() {
        return coveredPairs;
    }
}
