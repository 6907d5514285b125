package dev.tlsconsole.catalog.web;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.MatrixCell;
import dev.tlsconsole.catalog.SupportedLink;
import dev.tlsconsole.policy.Version;

/**
 * One cell of the drawn grid: the pair, the links covering it ({@code cell}, null when none) and how to draw it.
 * The matrix template draws a cell from this object alone, so the planned topology overlay (which actual
 * connections use the link, and their grades) can add its data here without touching the grid's layout.
 *
 * @param row        the client component (the row)
 * @param column     the server component (the column)
 * @param groupStart first cell of a column group (drawn with a separator)
 * @param context    a filter is active and neither side matches it: shown faded, for orientation only
 */
public record MatrixSlot(Component row, Component column, @Nullable MatrixCell cell, boolean groupStart,
                         boolean context) {

    public boolean filled() {
        return cell != null;
    }

    /** CSS classes of the {@code <td>} (see {@code static/css/catalog.css}); null for a plain empty cell. */
    public @Nullable String cssClass() {
        StringBuilder css = new StringBuilder();
        if (groupStart) {
            css.append("mx-g ");
        }
        if (cell != null) {
            css.append(cell.wildcardOnly() ? "mx-w " : "mx-x ");
            if (!cell.notes().isEmpty()) {
                css.append("mx-n ");
            }
            if (context) {
                css.append("mx-ctx ");
            }
        }
        return css.isEmpty() ? null : css.toString().strip();
    }

    /** True when the deciding link gives a minimum version for either side: the cell then shows both lines. */
    public boolean versioned() {
        return cell != null && (cell.primary().clientMinVersion() != null || cell.primary().serverMinVersion() != null);
    }

    /** The row component's minimum version, or null when the link gives none. */
    public @Nullable String clientVersion() {
        return cell == null ? null : text(cell.primary().clientMinVersion());
    }

    /** The column component's minimum version, or null when the link gives none. */
    public @Nullable String serverVersion() {
        return cell == null ? null : text(cell.primary().serverMinVersion());
    }

    /** {@code ESP} when the deciding link requires a port name, else null. */
    public @Nullable String requiredPortName() {
        return cell == null ? null : cell.requiredPortName();
    }

    public boolean writableTarget() {
        return cell != null && cell.primary().link().writableTarget();
    }

    /** How many other links decide this pair too (shown as "+n"). */
    public int more() {
        return cell == null ? 0 : cell.moreDeciding();
    }

    public int noteCount() {
        return cell == null ? 0 : cell.notes().size();
    }

    /**
     * The query of the cell's details address ({@code from=…&to=…}), encoded here: the template adds it to a base
     * built once, because a link expression per cell costs a resource lookup each (thousands per grid).
     */
    public String pairQuery() {
        return "from=" + UriUtils.encodeQueryParam(row.name(), StandardCharsets.UTF_8)
                + "&to=" + UriUtils.encodeQueryParam(column.name(), StandardCharsets.UTF_8);
    }

    /** The deciding link in one line (it names the rule for a wildcard cell), for the cell's tooltip. */
    public String description() {
        if (cell == null) {
            return "";
        }
        SupportedLink link = cell.primary().link();
        return link.describe();
    }

    private static @Nullable String text(@Nullable Version version) {
        return version == null ? null : version.toString();
    }
}
