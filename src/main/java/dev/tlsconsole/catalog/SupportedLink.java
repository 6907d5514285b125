package dev.tlsconsole.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One connection the seed lists as supporting TLS: an explicit pair of components, or a wildcard rule when
 * either side is a {@link LinkEnd.AnyOf}.
 *
 * @param id               stable key: derived from the names for explicit links, written in the file for rules
 * @param from             the client side as the seed writes it ("From" column, first name of "between A and B")
 * @param to               the server side as the seed writes it
 * @param between          true for the seed's "between A and B": it does not say which side is the client, so
 *                         the link also matches B → A; false for the directional eServices table and "from A to B"
 * @param portRule         which server port the link may use
 * @param requiredPortName the port id required by {@link PortRule#REQUIRED_NAME} ({@code ESP}); null otherwise
 * @param writableTarget   the seed lists the link for a writable Configuration Server or Proxy only
 * @param definition       for wildcard rules, the sentence saying what the wildcard stands for; null for explicit links
 * @param notes            notes that apply to this connection
 * @param source           the seed section (and line of the table) it comes from
 */
public record SupportedLink(
        String id,
        LinkEnd from,
        LinkEnd to,
        boolean between,
        PortRule portRule,
        @Nullable String requiredPortName,
        boolean writableTarget,
        @Nullable String definition,
        List<Note> notes,
        String source) {

    /** How a link applies to a concrete connection. */
    public enum Orientation {
        /** the connection's client is the link's {@code from} side */
        AS_WRITTEN,
        /** a "between" link matched with the sides swapped: the client is the link's {@code to} side */
        REVERSED
    }

    public SupportedLink {
        notes = List.copyOf(notes);
    }

    /** True for a rule with a wildcard side; explicit links win over these (see {@link LinkCheck}). */
    public boolean wildcard() {
        return from instanceof LinkEnd.AnyOf || to instanceof LinkEnd.AnyOf;
    }

    /** How this link covers a connection from {@code client} to {@code server}, if it does. */
    public Optional<Orientation> orient(Component client, Component server) {
        if (from.covers(client) && to.covers(server)) {
            return Optional.of(Orientation.AS_WRITTEN);
        }
        if (between && from.covers(server) && to.covers(client)) {
            return Optional.of(Orientation.REVERSED);
        }
        return Optional.empty();
    }

    /** True when {@code component} can be the client of this link. */
    public boolean allowsClient(Component component) {
        return from.covers(component) || between && to.covers(component);
    }

    /** True when {@code component} can be the server of this link. */
    public boolean allowsServer(Component component) {
        return to.covers(component) || between && from.covers(component);
    }

    public List<Note> notes(NoteKind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }

    /** One line for people: "Chat Server 8.1.0+ → Interaction Server 8.1.0+ (port: default or alternate name)". */
    public String describe() {
        String arrow = between ? " ↔ " : " → ";
        String port = portRule == PortRule.REQUIRED_NAME
                ? "port named " + requiredPortName + " (required name)"
                : "port: default or alternate name";
        String writable = writableTarget ? ", writable target" : "";
        String kind = wildcard() ? "rule '" + id + "': " : "";
        return kind + side(from) + arrow + side(to) + " (" + port + writable + ")";
    }

    private static String side(LinkEnd end) {
        return end.minVersion() == null ? end.label() : end.label() + " " + end.minVersion() + "+";
    }
}
