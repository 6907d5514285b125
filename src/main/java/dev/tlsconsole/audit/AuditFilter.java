package dev.tlsconsole.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the audit list, shared by the API, the review screen and the CSV export; every field
 * is optional. {@code actor}, {@code objectName} and {@code action} match any part, in any case
 * ({@code adm} finds {@code admin}); {@code action} ending in {@code .} or {@code *} matches a prefix ({@code host.*}).
 */
public record AuditFilter(String actor, String objectType, String objectId, String objectName, String action,
        AuditOutcome outcome, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null);

    /** The filter as query parameters (non-empty ones only), to rebuild links and exports. */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "actor", actor);
        put(parameters, "objectType", objectType);
        put(parameters, "objectId", objectId);
        put(parameters, "objectName", objectName);
        put(parameters, "action", action);
        put(parameters, "outcome", outcome == null ? null : outcome.name());
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        return parameters;
    }

    Specification<AuditEntry> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (hasText(actor)) {
                predicates.add(cb.like(cb.lower(root.get("actor")), containing(actor), '\\'));
            }
            if (hasText(objectType)) {
                predicates.add(cb.equal(root.get("objectType"), objectType.strip().toUpperCase(Locale.ROOT)));
            }
            if (hasText(objectId)) {
                predicates.add(cb.equal(root.get("objectId"), objectId.strip()));
            }
            if (hasText(objectName)) {
                predicates.add(cb.like(cb.lower(root.get("objectName")), containing(objectName), '\\'));
            }
            if (hasText(action)) {
                String value = action.strip().toLowerCase(Locale.ROOT);
                predicates.add(value.endsWith(".") || value.endsWith("*")
                        ? cb.like(root.get("action"), value.replace("*", "") + "%")
                        : cb.like(root.get("action"), containing(value), '\\'));
            }
            if (outcome != null) {
                predicates.add(cb.equal(root.get("outcome"), outcome));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("at"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("at"), to));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** A LIKE pattern for any part of {@code text}, in lower case, its wildcards escaped. */
    private static String containing(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + value + "%";
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (hasText(value)) {
            parameters.put(name, value.strip());
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
