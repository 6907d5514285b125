package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;

import dev.tlsconsole.InvalidInputException;

/**
 * The sortable columns of the policies list and the comparator of a requested {@link Sort}; ties are
 * broken by connection id so that pages never overlap.
 */
final class PolicySort {

    private static final Comparator<String> TEXT = String.CASE_INSENSITIVE_ORDER;

    static final Map<String, Comparator<PolicyRow>> PROPERTIES = Map.of(
            "connectionId", Comparator.comparingLong(PolicyRow::connectionId),
            "client", Comparator.comparing(PolicyRow::client, TEXT),
            "server", Comparator.comparing(PolicyRow::server, TEXT).thenComparing(PolicyRow::portId, TEXT),
            "portId", Comparator.comparing(PolicyRow::portId, TEXT),
            "mode", Comparator.comparing(PolicyRow::mode),
            "protocol", Comparator.comparing(PolicyRow::protocol, Comparator.nullsFirst(Comparator.naturalOrder())),
            "grade", Comparator.comparing(PolicyRow::grade),
            "errors", Comparator.comparingInt(PolicyRow::errors),
            "warnings", Comparator.comparingInt(PolicyRow::warnings));

    private PolicySort() {
    }

    /** The comparator of {@code sort}; {@link InvalidInputException} naming {@code sort} for an unknown property. */
    static Comparator<PolicyRow> comparator(Sort sort) {
        List<Comparator<PolicyRow>> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            Comparator<PolicyRow> comparator = PROPERTIES.get(order.getProperty());
            if (comparator == null) {
                throw InvalidInputException.of("sort", "cannot sort by '" + order.getProperty() + "': use one of "
                        + String.join(", ", PROPERTIES.keySet().stream().sorted().toList()));
            }
            parts.add(order.isAscending() ? comparator : comparator.reversed());
        }
        Comparator<PolicyRow> result = parts.stream().reduce(Comparator::thenComparing)
                .orElse(PROPERTIES.get("connectionId"));
        return result.thenComparing(PROPERTIES.get("connectionId"));
    }
}
