package dev.tlsconsole.resolution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import dev.tlsconsole.InputRevisions.Revision;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * The effective policy of every connection at one input revision: what the cache holds. Immutable
 * apart from the sort orders, which are computed on first use and kept (a sort of 100,000 rows costs
 * tens of milliseconds once, then a page is a scan).
 */
final class ResolvedTopology {

    private static final int MAX_KEPT_ORDERS = 32;

    static {
        if (FindingCode.values().length > Long.SIZE) {
            throw new IllegalStateException("PolicyRow keeps finding codes as bits of a long");
        }
    }

    private final Revision revision;
    private final TopologySnapshot snapshot;
    private final Instant resolvedAt;
    private final List<EffectivePolicy> policies;
    private final PolicyRow[] rows;
    private final Map<String, Integer> hostsByName = new HashMap<>();
    private final Map<String, Integer> applicationsByName = new HashMap<>();
    private final Map<String, Integer> portsByApplication = new HashMap<>();
    private final PolicyStatistics statistics;
    private final Map<Sort, int[]> orders = new ConcurrentHashMap<>();
    private volatile List<MatrixOverlay.Pair> overlay;

    private ResolvedTopology(Revision revision, TopologySnapshot snapshot, Instant resolvedAt, List<EffectivePolicy> policies) {
        this.revision = revision;
        this.snapshot = snapshot;
        this.resolvedAt = resolvedAt;
        this.policies = policies;
        this.rows = new PolicyRow[policies.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = PolicyRow.of(policies.get(i), snapshot.application(snapshot.clientOfConnection(i)).componentType(),
                    snapshot.application(snapshot.applicationOfPort(snapshot.portOfConnection(i))).componentType());
        }
        for (int i = 0; i < snapshot.hostCount(); i++) {
            hostsByName.put(key(snapshot.host(i).name()), i);
        }
        for (int i = 0; i < snapshot.applicationCount(); i++) {
            applicationsByName.put(key(snapshot.application(i).name()), i);
        }
        for (int i = 0; i < snapshot.portCount(); i++) {
            portsByApplication.put(snapshot.port(i).applicationId() + ":" + snapshot.port(i).portId(), i);
        }
        this.statistics = PolicyStatistics.of(rows);
    }

    static ResolvedTopology resolve(Revision revision, TopologySnapshot snapshot, LiveEngine engine,
            PolicySettings settings) {
        Instant now = settings.clock().instant();
        return new ResolvedTopology(revision, snapshot, now, engine.resolveAll(snapshot));
    }

    Revision revision() {
        return revision;
    }

    TopologySnapshot snapshot() {
        return snapshot;
    }

    /** True when the resolution is older than {@code maxAge} at {@code now} (or the clock went back). */
    boolean outdatedAt(Instant now, java.time.Duration maxAge) {
        return now.isBefore(resolvedAt) || now.isAfter(resolvedAt.plus(maxAge));
    }

    int size() {
        return rows.length;
    }

    Optional<EffectivePolicy> policy(long connectionId) {
        OptionalInt index = snapshot.indexOf(ObjectType.CONNECTION, connectionId);
        return index.isPresent() ? Optional.of(policies.get(index.getAsInt())) : Optional.empty();
    }

    Optional<PolicyRow> row(long connectionId) {
        OptionalInt index = snapshot.indexOf(ObjectType.CONNECTION, connectionId);
        return index.isPresent() ? Optional.of(rows[index.getAsInt()]) : Optional.empty();
    }

    PolicyStatistics statistics() {
        return statistics;
    }

    /** The connections per (client type, server type) with their grades; computed on first use. */
    List<MatrixOverlay.Pair> overlay() {
        List<MatrixOverlay.Pair> pairs = overlay;
        if (pairs == null) {
            pairs = MatrixOverlay.of(rows);
            overlay = pairs;
        }
        return pairs;
    }

    /** The rows of the connections whose policy depends on the object's options, in connection order. */
    List<PolicyRow> reachableFrom(ObjectType type, long id) {
        return IntStream.of(snapshot.reachableConnections(type, id)).mapToObj(i -> rows[i]).toList();
    }

    /** Every row matching {@code filter}, in snapshot order. */
    List<PolicyRow> matching(PolicyFilter filter) {
        List<PolicyRow> matching = new ArrayList<>();
        for (PolicyRow row : rows) {
            if (filter.matches(row)) {
                matching.add(row);
            }
        }
        return matching;
    }

    /** A page of the rows matching {@code filter}, in the order of {@code pageable}'s sort. */
    Page<PolicyRow> page(PolicyFilter filter, Pageable pageable) {
        int[] order = order(pageable.getSort());
        long from = pageable.getOffset();
        long to = from + pageable.getPageSize();
        List<PolicyRow> content = new ArrayList<>(pageable.getPageSize());
        long total = 0;
        for (int index : order) {
            PolicyRow row = rows[index];
            if (filter.matches(row)) {
                if (total >= from && total < to) {
                    content.add(row);
                }
                total++;
            }
        }
        return new PageImpl<>(content, pageable, total);
    }

    Optional<Long> hostId(String name) {
        Integer index = hostsByName.get(key(name));
        return index == null ? Optional.empty() : Optional.of(snapshot.host(index).id());
    }

    Optional<Long> applicationId(String name) {
        Integer index = applicationsByName.get(key(name));
        return index == null ? Optional.empty() : Optional.of(snapshot.application(index).id());
    }

    /** The row id of an application's port; port ids are case-sensitive, as Genesys stores them. */
    Optional<Long> portRowId(long applicationId, String portId) {
        Integer index = portsByApplication.get(applicationId + ":" + portId);
        return index == null ? Optional.empty() : Optional.of(snapshot.port(index).id());
    }

    /** The option keys set on the object itself (its section, or its transport's parameters); empty for an unknown object. */
    Optional<Set<String>> optionKeys(ObjectType type, long id) {
        OptionalInt found = snapshot.indexOf(type, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int i = found.getAsInt();
        return Optional.of(switch (type) {
            case HOST -> snapshot.host(i).security().keySet();
            case APPLICATION -> snapshot.application(i).security().keySet();
            case APPLICATION_ANNEX -> snapshot.application(i).annex().keySet();
            case PORT -> snapshot.portTransport(i).parameters().asMap().keySet();
            case CONNECTION -> snapshot.connectionTransport(i).parameters().asMap().keySet();
        });
    }

    private int[] order(Sort sort) {
        Sort effective = sort.isSorted() ? sort : Sort.by("connectionId");
        int[] order = orders.get(effective);
        if (order == null) {
            Comparator<PolicyRow> comparator = PolicySort.comparator(effective);
            order = IntStream.range(0, rows.length).boxed().sorted((a, b) -> comparator.compare(rows[a], rows[b]))
                    .mapToInt(Integer::intValue).toArray();
            if (orders.size() < MAX_KEPT_ORDERS) {
                orders.put(effective, order);
            }
        }
        return order;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
