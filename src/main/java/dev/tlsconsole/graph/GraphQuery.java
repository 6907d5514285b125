package dev.tlsconsole.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.resolution.PolicyFilter;
import dev.tlsconsole.resolution.PolicyRow;

/**
 * What the graph shows. The filters select connections (edges): {@code policy} as on the policies
 * list (grade, mode, finding code, text), {@code host} a host name at either end, {@code componentType}
 * the component type of either end (both any case, empty for any). {@code focus}, an application
 * name, keeps the part of the selection within {@code hops} connections of that application.
 */
public record GraphQuery(PolicyFilter policy, String host, String componentType, String focus, int hops) {

    public static final int MAX_HOPS = 5;
    public static final GraphQuery ALL = new GraphQuery(PolicyFilter.NONE, "", "", "", 1);

    public GraphQuery {
        host = host == null ? "" : host.strip();
        componentType = componentType == null ? "" : componentType.strip();
        focus = focus == null ? "" : focus.strip();
    }

    /** Parses request parameters; every bad value is reported at once, naming its parameter. */
    /** The same selection from a request's query parameters (the page's own data URLs carry the API's names). */
    public static GraphQuery parse(MultiValueMap<String, String> params) {
        return parse(params.get("grade"), params.get("mode"), params.get("code"), params.getFirst("host"),
                params.getFirst("componentType"), params.getFirst("q"), params.getFirst("focus"), params.getFirst("hops"));
    }

    public static GraphQuery parse(List<String> grade, List<String> mode, List<String> code, String host,
            String componentType, String q, String focus, String hops) {
        List<FieldProblem> problems = new ArrayList<>();
        PolicyFilter policy = PolicyFilter.NONE;
        try {
            policy = PolicyFilter.parse(grade, mode, null, code, q);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        int hopCount = 1;
        if (hops != null && !hops.isBlank()) {
            try {
                hopCount = Integer.parseInt(hops.strip());
            } catch (NumberFormatException e) {
                hopCount = -1;
            }
            if (hopCount < 1 || hopCount > MAX_HOPS) {
                problems.add(new FieldProblem("hops", "'" + hops.strip() + "' is not a number of hops: use 1 to " + MAX_HOPS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new GraphQuery(policy, host, componentType, focus, hopCount);
    }

    /** The {@code hostId} parameters (host ids, or node ids {@code host:<id>}); a bad one is a 400 naming it. */
    public static Set<Long> hostIds(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            String id = value == null ? "" : value.strip();
            if (id.startsWith("host:")) {
                id = id.substring("host:".length());
            }
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("hostId", "'" + value.strip() + "' is not a host id");
            }
        }
        return ids;
    }

    boolean selects(PolicyRow row) {
        if (!host.isEmpty() && !host.equalsIgnoreCase(row.clientHost()) && !host.equalsIgnoreCase(row.serverHost())) {
            return false;
        }
        if (!componentType.isEmpty() && !componentType.equalsIgnoreCase(row.clientType())
                && !componentType.equalsIgnoreCase(row.serverType())) {
            return false;
        }
        return policy.matches(row);
    }

    boolean focused() {
        return !focus.isEmpty();
    }

    String focusKey() {
        return focus.toLowerCase(Locale.ROOT);
    }
}
