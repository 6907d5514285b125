package dev.tlsconsole.catalog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.LinkCheckResult;
import dev.tlsconsole.catalog.LinkCheckResult.ReasonKind;
import dev.tlsconsole.catalog.LinkView;

/**
 * The answer of {@code GET /api/v1/catalog/links/check}: API.md's {@code supported}, {@code link} (null when no link
 * or rule covers the pair) and {@code reasons} (sentences), plus the canonical names, whether a link was found at all
 * ({@code listed}: it may still fail on a version or the port name), the reasons with their kind, and which link
 * decided.
 */
public record CheckVerdict(
        boolean supported,
        boolean listed,
        String from,
        String to,
        @Nullable LinkView link,
        List<String> reasons,
        List<ReasonView> reasonDetails,
        String matchedBy,
        List<String> alsoMatched) {

    /** A reason with its kind; {@code blocking} ones make the link unsupported, the others are information. */
    public record ReasonView(ReasonKind kind, boolean blocking, String message) {
    }

    static CheckVerdict of(LinkCheckResult result) {
        return new CheckVerdict(result.supported(), result.listed(), result.from(), result.to(), result.linkView(),
                result.reasonMessages(),
                result.reasons().stream().map(r -> new ReasonView(r.kind(), r.blocking(), r.message())).toList(),
                result.matchedBy(), result.alsoMatched());
    }
}
