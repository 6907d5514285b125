package dev.tlsconsole.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SupportedLink} flattened to the JSON the API returns ({@code GET /catalog/links}, the {@code link} of
 * {@code /catalog/links/check}); field names follow API.md, versions are strings, wildcard sides show their
 * label.
 *
 * @param rule       the rule id when {@code wildcard}, else null
 * @param definition what the wildcard stands for, else null
 */
public record LinkView(
        String id,
        String from,
        @Nullable String fromMinVersion,
        String to,
        @Nullable String toMinVersion,
        PortRule portRule,
        @Nullable String requiredPortName,
        boolean between,
        boolean writableTarget,
        boolean wildcard,
        @Nullable String rule,
        @Nullable String definition,
        List<String> notes,
        String source) {

    public LinkView {
        notes = List.copyOf(notes);
    }

    public static LinkView of(SupportedLink link) {
        return new LinkView(link.id(), link.from().label(), text(link.from()), link.to().label(), text(link.to()),
                link.portRule(), link.requiredPortName(), link.between(), link.writableTarget(), link.wildcard(),
                link.wildcard() ? link.id() : null, link.definition(),
                link.notes().stream().map(Note::text).toList(), link.source());
    }

    private static @Nullable String text(LinkEnd end) {
        return end.minVersion() == null ? null : end.minVersion().toString();
    }
}
