package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;

/**
 * Turns what-if changes named as API.md names them (hosts and applications by name, ports by
 * application name and port id, connections by id) into the engine's staged changes by id, checking
 * every change and every value first so that all problems are reported at once, each with its field.
 */
final class PreviewTargets {

    private PreviewTargets() {
    }

    /** The staged changes; {@link InvalidInputException} listing every unknown target and invalid value. */
    static List<StagedChange> staged(ResolvedTopology resolved, List<PolicyChange> changes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (changes == null || changes.isEmpty()) {
            throw InvalidInputException.of("changes", "list at least one change");
        }
        List<StagedChange> staged = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            String field = "changes[" + i + "]";
            PolicyChange change = changes.get(i);
            if (change == null) {
                problems.add(new FieldProblem(field, "is empty"));
                continue;
            }
            Optional<Long> target = target(resolved, change, field + ".target", problems);
            Map<String, String> set = new LinkedHashMap<>();
            change.set().forEach((key, value) -> {
                if (value == null) {
                    problems.add(new FieldProblem(field + ".set." + key, "needs a value (use unset to remove an option)"));
                } else {
                    set.put(key, value);
                    if (change.type() != null) {
                        SecurityOption.validate(change.type().level(), key, value)
                                .ifPresent(message -> problems.add(new FieldProblem(field + ".set." + key, message)));
                    }
                }
            });
            for (String key : new HashSet<>(change.unset())) {
                if (set.containsKey(key)) {
                    problems.add(new FieldProblem(field + ".unset", key + " is both set and unset: keep one"));
                }
            }
            target.ifPresent(id -> staged.add(new StagedChange(change.type(), id, set, new HashSet<>(change.unset()))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return staged;
    }

    private static Optional<Long> target(ResolvedTopology resolved, PolicyChange change, String field,
            List<FieldProblem> problems) {
        if (change.type() == null) {
            problems.add(new FieldProblem(field + ".type", "is required: HOST, APPLICATION, PORT or CONNECTION"));
            return Optional.empty();
        }
        if (change.type() == ObjectType.CONNECTION) {
            if (change.connectionId() == null) {
                problems.add(new FieldProblem(field + ".connectionId", "is required for a connection"));
                return Optional.empty();
            }
            return found(resolved.row(change.connectionId()).map(PolicyRow::connectionId), field + ".connectionId",
                    "there is no connection with id " + change.connectionId(), problems);
        }
        if (change.name() == null || change.name().isBlank()) {
            problems.add(new FieldProblem(field + ".name", "is required for a " + change.type().name().toLowerCase()));
            return Optional.empty();
        }
        return switch (change.type()) {
            case HOST -> found(resolved.hostId(change.name()), field + ".name",
                    "there is no host named '" + change.name() + "'", problems);
            case APPLICATION, APPLICATION_ANNEX -> found(resolved.applicationId(change.name()), field + ".name",
                    "there is no application named '" + change.name() + "'", problems);
            default -> port(resolved, change, field, problems);
        };
    }

    private static Optional<Long> port(ResolvedTopology resolved, PolicyChange change, String field,
            List<FieldProblem> problems) {
        Optional<Long> application = found(resolved.applicationId(change.name()), field + ".name",
                "there is no application named '" + change.name() + "'", problems);
        if (application.isEmpty()) {
            return application;
        }
        if (change.portId() == null || change.portId().isBlank()) {
            problems.add(new FieldProblem(field + ".portId", "is required for a port"));
            return Optional.empty();
        }
        return found(resolved.portRowId(application.get(), change.portId()), field + ".portId",
                "application '" + change.name() + "' has no port '" + change.portId() + "'", problems);
    }

    private static Optional<Long> found(Optional<Long> id, String field, String message, List<FieldProblem> problems) {
        if (id.isEmpty()) {
            problems.add(new FieldProblem(field, message));
        }
        return id;
    }
}
