package dev.tlsconsole.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.SupportedLink.Orientation;
import dev.tlsconsole.policy.Version;

/**
 * One cell of the grid: every link and rule that lets {@code client} connect to {@code server}. Explicit links decide
 * over wildcard rules, as in {@link LinkCheck}, so the cell shows {@link #primary()} and keeps the others for the
 * details panel.
 *
 * @param explicit  explicit links covering the pair, in file order
 * @param wildcards wildcard rules covering the pair, in file order
 */
public record MatrixCell(Component client, Component server, List<Coverage> explicit, List<Coverage> wildcards) {

    /** A link as it applies to this pair: a "between" link may cover it with its sides swapped. */
    public record Coverage(SupportedLink link, Orientation orientation) {

        /** The minimum version of the connecting side, wherever the link writes it. */
        public @Nullable Version clientMinVersion() {
            return (orientation == Orientation.AS_WRITTEN ? link.from() : link.to()).minVersion();
        }

        /** The minimum version of the listening side. */
        public @Nullable Version serverMinVersion() {
            return (orientation == Orientation.AS_WRITTEN ? link.to() : link.from()).minVersion();
        }
    }

    public MatrixCell {
        explicit = List.copyOf(explicit);
        wildcards = List.copyOf(wildcards);
        if (explicit.isEmpty() && wildcards.isEmpty()) {
            throw new IllegalArgumentException("a matrix cell needs at least one link: " + client.name() + " → "
                    + server.name());
        }
    }

    /** True when only wildcard rules cover the pair: the grid draws these differently from explicit links. */
    public boolean wildcardOnly() {
        return explicit.isEmpty();
    }

    /** The links that decide the pair: the explicit ones when there are any, else the rules. */
    public List<Coverage> deciding() {
        return explicit.isEmpty() ? wildcards : explicit;
    }

    /** What the cell shows: the first deciding link. */
    public Coverage primary() {
        return deciding().get(0);
    }

    /** Deciding links besides {@link #primary()} (e.g. E-mail Server's two rows towards Configuration Server). */
    public int moreDeciding() {
        return deciding().size() - 1;
    }

    /** Explicit links first, then rules. */
    public List<Coverage> all() {
        List<Coverage> all = new ArrayList<>(explicit);
        all.addAll(wildcards);
        return all;
    }

    /** The notes of the deciding links, each once. */
    public List<Note> notes() {
        Map<String, Note> notes = new LinkedHashMap<>();
        deciding().forEach(c -> c.link().notes().forEach(n -> notes.putIfAbsent(n.id(), n)));
        return List.copyOf(notes.values());
    }

    /** The port id the primary link requires ({@code ESP}), or null when any secure port will do. */
    public @Nullable String requiredPortName() {
        SupportedLink link = primary().link();
        return link.portRule() == PortRule.REQUIRED_NAME ? link.requiredPortName() : null;
    }
}
