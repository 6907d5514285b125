package dev.tlsconsole.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.LinkCheckResult.Reason;
import dev.tlsconsole.catalog.LinkCheckResult.ReasonKind;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.Version;

/**
 * The catalog as the policy engine sees it ({@link LinkRules}): verdicts from {@link LinkCheck}, product notes
 * from the {@link NoteKind#PRODUCT_SPECIFIC} notes of the link and of both components, auto-detect and
 * config-file facts from the components.
 *
 * <p>{@link LinkRules.LinkVerdict} has no place for informational reasons (a version not given, a writable target),
 * so they are appended to {@code linkDescription} rather than lost.
 */
public final class CatalogLinkRules implements LinkRules {

    private final LinkCheck linkCheck;

    public CatalogLinkRules(LinkCheck linkCheck) {
        this.linkCheck = linkCheck;
    }

    @Override
    public LinkVerdict check(String clientType, @Nullable Version clientVersion, String serverType,
                             @Nullable Version serverVersion, @Nullable String portId) {
        LinkCheckResult result = linkCheck.check(clientType, clientVersion, serverType, serverVersion, portId);
        List<Problem> problems = result.reasons().stream().filter(Reason::blocking)
                .map(r -> new Problem(kind(r.kind()), r.message())).toList();
        return new LinkVerdict(result.listed(), problems, productNotes(result), description(result));
    }

    @Override
    public boolean supportsAutoDetect(String componentType) {
        return linkCheck.catalog().find(componentType).map(Component::autoDetect).orElse(false);
    }

    @Override
    public Optional<String> configFileOnly(String componentType) {
        return linkCheck.catalog().find(componentType).flatMap(Component::configFileName);
    }

    private List<String> productNotes(LinkCheckResult result) {
        Catalog catalog = linkCheck.catalog();
        Set<String> notes = new LinkedHashSet<>();
        if (result.link() != null) {
            result.link().notes(NoteKind.PRODUCT_SPECIFIC).forEach(n -> notes.add(n.text()));
        }
        for (String name : List.of(result.from(), result.to())) {
            catalog.find(name).ifPresent(c -> c.notes(NoteKind.PRODUCT_SPECIFIC).forEach(n -> notes.add(n.text())));
        }
        return List.copyOf(notes);
    }

    private static String description(LinkCheckResult result) {
        StringBuilder text = new StringBuilder(result.matchedBy());
        result.reasons().stream().filter(r -> !r.blocking()).forEach(r -> text.append("; ").append(r.message()));
        return text.toString();
    }

    private static Kind kind(ReasonKind kind) {
        return switch (kind) {
            case UNKNOWN_COMPONENT -> Kind.UNKNOWN_COMPONENT;
            case NOT_LISTED -> Kind.NOT_LISTED;
            case VERSION_TOO_OLD -> Kind.VERSION_TOO_OLD;
            case PORT_NAME_REQUIRED -> Kind.PORT_NAME_REQUIRED;
            case VERSION_UNKNOWN, PORT_UNKNOWN, CONDITION ->
                    throw new IllegalArgumentException(kind + " is informational, not a problem");
        };
    }
}
