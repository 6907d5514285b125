package dev.tlsconsole.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.CatalogMatrix;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.ComponentGroup;
import dev.tlsconsole.catalog.MatrixCell;

/**
 * The grid as the matrix page draws it: rows (clients) and columns (servers) grouped by layer in catalog order.
 * When a filter is active, rows and columns without any link in view are dropped, so a narrowed grid of a catalog
 * with hundreds of components stays small; an unfiltered grid keeps every component so gaps are visible.
 *
 * @param matched   how many components match the filter (all of them when none is set)
 * @param rowCount  rows shown
 * @param cellCount cells with a link among the rows and columns shown
 */
public record MatrixView(MatrixFilter filter, List<ColumnGroup> columnGroups, List<Column> columns,
                         List<RowGroup> rowGroups, int matched, int rowCount, int cellCount) {

    /** A run of adjacent columns of one group, for the header row above the component names. */
    public record ColumnGroup(String name, int span) {
    }

    /**
     * One column head.
     *
     * @param matched    the component matches the filter (drawn emphasised while one is active)
     * @param groupStart first column of its group (drawn with a separator)
     */
    public record Column(Component component, boolean matched, boolean groupStart) {

        /** The component's name as a path segment, for its page's address. */
        public String pathSegment() {
            return UriUtils.encodePathSegment(component.name(), StandardCharsets.UTF_8);
        }
    }

    /** The rows of one group, under a header row naming it. */
    public record RowGroup(ComponentGroup group, List<Row> rows) {
    }

    public record Row(Component component, boolean matched, List<MatrixSlot> slots) {

        /** The component's name as a path segment, for its page's address. */
        public String pathSegment() {
            return UriUtils.encodePathSegment(component.name(), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Row[" + component.name() + ", " + slots.size() + " slots]";
        }
    }

    public boolean empty() {
        return rowCount == 0;
    }

    /** Short on purpose: the full grid holds thousands of cells, and logs and test reports print models. */
    @Override
    public String toString() {
        return "MatrixView[" + filter + ", " + rowCount + " rows × " + columns.size() + " columns, " + cellCount
                + " cells]";
    }

    static MatrixView build(CatalogMatrix matrix, MatrixFilter filter) {
        Catalog catalog = matrix.catalog();
        List<Component> ordered = catalog.groups().stream()
                .flatMap(g -> catalog.componentsIn(g.name()).stream()).toList();
        List<Component> matches = ordered.stream().filter(filter::matches).toList();
        Set<String> matchedNames = new LinkedHashSet<>();
        matches.forEach(c -> matchedNames.add(c.name()));
        Predicate<Component> isMatch = c -> matchedNames.contains(c.name());

        List<Component> rows = ordered;
        List<Component> columns = ordered;
        if (filter.active()) {
            if (filter.scope() == MatrixFilter.Scope.ONLY) {
                rows = matches;
                columns = matches;
            } else {
                rows = ordered.stream().filter(c -> isMatch.test(c)
                        || matches.stream().anyMatch(m -> matrix.cell(c, m).isPresent())).toList();
                columns = ordered.stream().filter(c -> isMatch.test(c)
                        || matches.stream().anyMatch(m -> matrix.cell(m, c).isPresent())).toList();
            }
            List<Component> candidateColumns = columns;
            rows = rows.stream().filter(r -> candidateColumns.stream().anyMatch(c -> matrix.cell(r, c).isPresent()))
                    .toList();
            List<Component> keptRows = rows;
            columns = columns.stream().filter(c -> keptRows.stream().anyMatch(r -> matrix.cell(r, c).isPresent()))
                    .toList();
        }
        boolean fadeContext = filter.active() && filter.scope() == MatrixFilter.Scope.PEERS;

        List<Column> heads = new ArrayList<>();
        List<ColumnGroup> columnGroups = new ArrayList<>();
        String previousGroup = null;
        for (Component column : columns) {
            boolean groupStart = !column.group().equals(previousGroup);
            heads.add(new Column(column, filter.active() && isMatch.test(column), groupStart));
            if (groupStart) {
                columnGroups.add(new ColumnGroup(column.group(), 0));
            }
            ColumnGroup last = columnGroups.remove(columnGroups.size() - 1);
            columnGroups.add(new ColumnGroup(last.name(), last.span() + 1));
            previousGroup = column.group();
        }

        int cellCount = 0;
        List<RowGroup> rowGroups = new ArrayList<>();
        for (ComponentGroup group : catalog.groups()) {
            List<Row> groupRows = new ArrayList<>();
            for (Component row : rows) {
                if (!row.group().equals(group.name())) {
                    continue;
                }
                List<MatrixSlot> slots = new ArrayList<>(heads.size());
                for (Column head : heads) {
                    @Nullable MatrixCell cell = matrix.cell(row, head.component()).orElse(null);
                    boolean context = fadeContext && !isMatch.test(row) && !isMatch.test(head.component());
                    slots.add(new MatrixSlot(row, head.component(), cell, head.groupStart(), context));
                    cellCount += cell == null ? 0 : 1;
                }
                groupRows.add(new Row(row, filter.active() && isMatch.test(row), slots));
            }
            if (!groupRows.isEmpty()) {
                rowGroups.add(new RowGroup(group, groupRows));
            }
        }
        return new MatrixView(filter, columnGroups, heads, rowGroups, matches.size(), rows.size(), cellCount);
    }
}
