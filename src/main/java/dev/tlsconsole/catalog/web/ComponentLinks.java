package dev.tlsconsole.catalog.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.LinkEnd;
import dev.tlsconsole.catalog.SupportedLink;
import dev.tlsconsole.policy.Version;

/**
 * A component's links seen from the component: what it may connect to (it is the client) and what may connect to
 * it (it is the server), explicit links apart from wildcard rules because a rule stands for a sentence of the seed
 * ("all other Genesys servers") that the page quotes with its definition.
 */
public record ComponentLinks(List<Entry> connectsTo, List<Entry> connectsToRules, List<Entry> connectedFrom,
                             List<Entry> connectedFromRules) {

    /**
     * One link from the component's side.
     *
     * @param self the link's side this component is on
     * @param peer the other side: a component or a wildcard selector
     */
    public record Entry(SupportedLink link, LinkEnd self, LinkEnd peer) {

        /** The peer's component name when the peer is a named component (the page links to it), else null. */
        public @Nullable String peerComponent() {
            return peer instanceof LinkEnd.Named named ? named.component() : null;
        }

        /**
         * The components a wildcard side lists by name ("Configuration Server / Configuration Server Proxy"), so the
         * page can link them; empty for a selector by group or trait, which has no fixed list.
         */
        public List<String> peerComponents() {
            if (peer instanceof LinkEnd.Named named) {
                return List.of(named.component());
            }
            LinkEnd.AnyOf any = (LinkEnd.AnyOf) peer;
            boolean onlyNames = any.groups().isEmpty() && any.traits().isEmpty() && any.withoutTraits().isEmpty();
            return onlyNames ? any.components().stream().sorted().toList() : List.of();
        }

        public @Nullable Version selfMinVersion() {
            return self.minVersion();
        }

        public @Nullable Version peerMinVersion() {
            return peer.minVersion();
        }
    }

    /** Short: the entries hold whole links with their notes, too much for a log line or a test report. */
    @Override
    public String toString() {
        return "ComponentLinks[" + connectsTo.size() + " + " + connectsToRules.size() + " rules out, "
                + connectedFrom.size() + " + " + connectedFromRules.size() + " rules in]";
    }

    static ComponentLinks of(Catalog catalog, Component component) {
        List<Entry> asClient = new ArrayList<>();
        List<Entry> asServer = new ArrayList<>();
        for (SupportedLink link : catalog.links()) {
            if (link.allowsClient(component)) {
                boolean asWritten = link.from().covers(component);
                asClient.add(new Entry(link, asWritten ? link.from() : link.to(), asWritten ? link.to() : link.from()));
            }
            if (link.allowsServer(component)) {
                boolean asWritten = link.to().covers(component);
                asServer.add(new Entry(link, asWritten ? link.to() : link.from(), asWritten ? link.from() : link.to()));
            }
        }
        return new ComponentLinks(explicit(asClient), rules(asClient), explicit(asServer), rules(asServer));
    }

    /** Explicit links sorted by peer, so a long list reads like an index. */
    private static List<Entry> explicit(List<Entry> entries) {
        return entries.stream().filter(e -> !e.link().wildcard())
                .sorted(Comparator.comparing(e -> e.peer().label().toLowerCase(Locale.ROOT))).toList();
    }

    /** Rules in catalog order, which follows the seed's sections. */
    private static List<Entry> rules(List<Entry> entries) {
        return entries.stream().filter(e -> e.link().wildcard()).toList();
    }
}
