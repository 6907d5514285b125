package dev.tlsconsole.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;

/**
 * The search box's answer: an exact name or alias jumps straight to the component; otherwise every component whose
 * name or an alias contains the text, with the alias that matched so "CTIC" shows why it found GVP CTI Connector.
 *
 * @param query   the text as typed, stripped
 * @param exact   the component the text names exactly (ignoring case), if any
 * @param matches components containing the text, in catalog order (empty when {@code exact} is present)
 */
public record ComponentSearch(String query, Optional<Component> exact, List<Match> matches) {

    /** A component found, and the alias that matched when its name did not. */
    public record Match(Component component, @Nullable String alias) {
    }

    /** The one component to open: an exact hit or the only match. */
    public Optional<Component> single() {
        return exact.isPresent() ? exact : matches.size() == 1 ? Optional.of(matches.get(0).component()) : Optional.empty();
    }

    static ComponentSearch run(Catalog catalog, @Nullable String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            return new ComponentSearch(query, Optional.empty(), List.of());
        }
        Optional<Component> exact = catalog.find(query);
        if (exact.isPresent()) {
            return new ComponentSearch(query, exact, List.of());
        }
        String wanted = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Match> matches = catalog.components().stream()
                .map(c -> match(c, wanted))
                .flatMap(Optional::stream)
                .toList();
        return new ComponentSearch(query, Optional.empty(), matches);
    }

    private static Optional<Match> match(Component component, String wanted) {
        if (normal(component.name()).contains(wanted)) {
            return Optional.of(new Match(component, null));
        }
        return component.aliases().stream().filter(a -> normal(a).contains(wanted)).findFirst()
                .map(alias -> new Match(component, alias));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
