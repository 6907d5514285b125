package dev.tlsconsole.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.LinkCheckResult.Reason;
import dev.tlsconsole.catalog.LinkCheckResult.ReasonKind;
import dev.tlsconsole.catalog.SupportedLink.Orientation;
import dev.tlsconsole.policy.Version;

/**
 * Answers "is {@code client@version → server@version} on port P supported, and under which link?".
 *
 * <p>Choosing among matches: explicit links win over wildcard rules whenever any explicit link names the pair,
 * even if that link then fails on a version — the seed's specific statement ("Chat Server 8.1.0 and later →
 * Message Server") must not be undone by a generic one ("Message Server and its clients"). Among the remaining
 * candidates the one with the fewest blocking reasons wins, then the one with the fewest informational
 * conditions, then file order; the others are reported in {@link LinkCheckResult#alsoMatched()}.
 *
 * <p>A null version or port means "unknown": it is reported, never held against the link.
 */
public final class LinkCheck {

    private record TypePair(String client, String server) {
    }

    private record Covering(SupportedLink link, Orientation orientation, int order) {
    }

    private record Candidate(SupportedLink link, Orientation orientation, List<Reason> reasons, int order) {
        long blocking() {
            return reasons.stream().filter(Reason::blocking).count();
        }

        long informational() {
            return reasons.size() - blocking();
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingLong(Candidate::blocking)
            .thenComparingLong(Candidate::informational)
            .thenComparingInt(Candidate::order);

    private final Catalog catalog;
    private final Map<TypePair, List<Covering>> covering = new ConcurrentHashMap<>();

    public LinkCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Checks one connection.
     *
     * @param client        component name or alias of the connecting application
     * @param clientVersion its version, or null when unknown
     * @param server        component name or alias of the application it connects to
     * @param serverVersion its version, or null when unknown
     * @param portId        the id of the server port used ({@code default}, an alternate name, {@code ESP}), or null
     */
    public LinkCheckResult check(String client, @Nullable Version clientVersion, String server,
                                 @Nullable Version serverVersion, @Nullable String portId) {
        Optional<Component> from = catalog.find(client);
        Optional<Component> to = catalog.find(server);
        if (from.isEmpty() || to.isEmpty()) {
            List<Reason> unknown = new ArrayList<>();
            if (from.isEmpty()) {
                unknown.add(unknown(client));
            }
            if (to.isEmpty()) {
                unknown.add(unknown(server));
            }
            return new LinkCheckResult(from.map(Component::name).orElse(client),
                    to.map(Component::name).orElse(server), null, null, unknown, List.of());
        }
        return check(from.get(), clientVersion, to.get(), serverVersion, portId);
    }

    private LinkCheckResult check(Component client, @Nullable Version clientVersion, Component server,
                                  @Nullable Version serverVersion, @Nullable String portId) {
        List<Candidate> explicit = new ArrayList<>();
        List<Candidate> wildcards = new ArrayList<>();
        for (Covering c : covering(client, server)) {
            (c.link().wildcard() ? wildcards : explicit).add(new Candidate(c.link(), c.orientation(),
                    evaluate(c.link(), c.orientation(), client, clientVersion, server, serverVersion, portId),
                    c.order()));
        }
        List<Candidate> pool = explicit.isEmpty() ? wildcards : explicit;
        if (pool.isEmpty()) {
            return new LinkCheckResult(client.name(), server.name(), null, null,
                    List.of(new Reason(ReasonKind.NOT_LISTED, client.name() + " → " + server.name()
                            + " is not in the supported-component matrix: no explicit link and no wildcard rule "
                            + "covers this pair")), List.of());
        }
        Candidate best = pool.stream().min(BEST_FIRST).orElseThrow();
        List<String> others = new ArrayList<>();
        explicit.stream().filter(c -> c != best).forEach(c -> others.add(c.link().id()));
        wildcards.stream().filter(c -> c != best).forEach(c -> others.add(c.link().id()));
        return new LinkCheckResult(client.name(), server.name(), best.link(), best.orientation(), best.reasons(),
                others);
    }

    private List<Covering> covering(Component client, Component server) {
        return covering.computeIfAbsent(new TypePair(client.name(), server.name()), pair -> {
            List<Covering> found = new ArrayList<>();
            List<SupportedLink> links = catalog.links();
            for (int i = 0; i < links.size(); i++) {
                SupportedLink link = links.get(i);
                int order = i;
                link.orient(client, server).ifPresent(o -> found.add(new Covering(link, o, order)));
            }
            return List.copyOf(found);
        });
    }

    private static List<Reason> evaluate(SupportedLink link, Orientation orientation, Component client,
                                         @Nullable Version clientVersion, Component server,
                                         @Nullable Version serverVersion, @Nullable String portId) {
        String pair = client.name() + " → " + server.name();
        LinkEnd clientEnd = orientation == Orientation.AS_WRITTEN ? link.from() : link.to();
        LinkEnd serverEnd = orientation == Orientation.AS_WRITTEN ? link.to() : link.from();
        List<Reason> reasons = new ArrayList<>();
        version(pair, client, clientVersion, clientEnd.minVersion(), reasons);
        version(pair, server, serverVersion, serverEnd.minVersion(), reasons);
        if (link.portRule() == PortRule.REQUIRED_NAME) {
            String required = "port named '" + link.requiredPortName() + "' (required name)";
            if (portId == null) {
                reasons.add(new Reason(ReasonKind.PORT_UNKNOWN, "port not given: " + pair + " must use "
                        + server.name() + "'s " + required));
            } else if (!portId.equals(link.requiredPortName())) {
                reasons.add(new Reason(ReasonKind.PORT_NAME_REQUIRED, pair + " must use " + server.name() + "'s "
                        + required + ", not port '" + portId + "'"));
            }
        }
        if (link.writableTarget()) {
            reasons.add(new Reason(ReasonKind.CONDITION, pair + " is listed for a writable " + server.name()
                    + ": make sure " + client.name() + " connects to an instance it may write to"));
        }
        return reasons;
    }

    private static void version(String pair, Component component, @Nullable Version actual,
                                @Nullable Version minimum, List<Reason> reasons) {
        if (minimum == null) {
            return;
        }
        if (actual == null) {
            reasons.add(new Reason(ReasonKind.VERSION_UNKNOWN, component.name() + " version unknown: " + pair
                    + " needs " + component.name() + " " + minimum + " or later"));
        } else if (!actual.isAtLeast(minimum)) {
            reasons.add(new Reason(ReasonKind.VERSION_TOO_OLD, component.name() + " " + actual
                    + " is older than " + minimum + ", the minimum " + component.name() + " version for " + pair));
        }
    }

    private static Reason unknown(String name) {
        return new Reason(ReasonKind.UNKNOWN_COMPONENT,
                "'" + name + "' is not a component name or alias in the supported-component catalog");
    }
}
