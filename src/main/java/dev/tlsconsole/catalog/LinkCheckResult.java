package dev.tlsconsole.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "is this connection in the matrix?": the link that decided it (null when none applies) and the
 * reasons — blocking ones (not listed, version too old, wrong port name, unknown component) and informational
 * ones (a version or port not given, a condition such as a writable target) that never fail a link.
 *
 * @param from        the client as canonical name (as given when unknown)
 * @param to          the server as canonical name (as given when unknown)
 * @param link        the deciding link or rule; null when not listed or a name is unknown
 * @param orientation how {@code link} was matched; null with {@code link}
 * @param reasons     why it is not supported, plus information
 * @param alsoMatched ids of other links and rules that cover the pair but did not decide it
 */
public record LinkCheckResult(
        String from,
        String to,
        @Nullable SupportedLink link,
        SupportedLink.@Nullable Orientation orientation,
        List<Reason> reasons,
        List<String> alsoMatched) {

    /** What a reason is about; {@link #blocking} ones make the link unsupported. */
    public enum ReasonKind {
        UNKNOWN_COMPONENT(true),
        NOT_LISTED(true),
        VERSION_TOO_OLD(true),
        PORT_NAME_REQUIRED(true),
        VERSION_UNKNOWN(false),
        PORT_UNKNOWN(false),
        CONDITION(false);

        private final boolean blocking;

        ReasonKind(boolean blocking) {
            this.blocking = blocking;
        }

        public boolean blocking() {
            return blocking;
        }
    }

    public record Reason(ReasonKind kind, String message) {
        public boolean blocking() {
            return kind.blocking();
        }
    }

    public LinkCheckResult {
        reasons = List.copyOf(reasons);
        alsoMatched = List.copyOf(alsoMatched);
    }

    /** A link or rule covers the pair (it may still fail on versions or the port name). */
    public boolean listed() {
        return link != null;
    }

    public boolean supported() {
        return link != null && reasons.stream().noneMatch(Reason::blocking);
    }

    /** True when a name was not in the catalog: the caller's input is wrong (HTTP 400), not the topology. */
    public boolean unknownComponent() {
        return reasons.stream().anyMatch(r -> r.kind() == ReasonKind.UNKNOWN_COMPONENT);
    }

    public List<String> reasonMessages() {
        return reasons.stream().map(Reason::message).toList();
    }

    /** The deciding link as API JSON, or null. */
    public @Nullable LinkView linkView() {
        return link == null ? null : LinkView.of(link);
    }

    /** Which link or rule decided, in a sentence: the UI shows it next to the verdict. */
    public String matchedBy() {
        if (unknownComponent()) {
            return "not checked: " + String.join("; ", reasonMessages());
        }
        if (link == null) {
            return "no link or rule of the catalog covers " + from + " → " + to;
        }
        String by = link.wildcard()
                ? "wildcard rule '" + link.id() + "' (" + link.definition() + ")"
                : "explicit link '" + link.id() + "': " + link.describe();
        String others = alsoMatched.isEmpty() ? "" : "; also covered by " + String.join(", ", alsoMatched);
        return "decided by " + by + " [" + link.source() + "]" + others;
    }
}
