package dev.tlsconsole.topology.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.policy.Version;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;

/**
 * The rules an application must follow, with the objects it names resolved through a {@link Lookup}
 * (the database for single changes; the document and then the database for a bulk import). Name
 * uniqueness is the caller's business. Pure: no database of its own.
 */
public final class ApplicationRules {

    private static final Pattern PORT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ApplicationRules() {
    }

    /** Resolves the names an application refers to. */
    public interface Lookup {

        /** The stored name of the host called {@code name} (any case), if it exists. */
        Optional<String> host(String name);

        /** The application called {@code name} (any case), if it exists. */
        Optional<ApplicationRef> application(String name);
    }

    /** What the rules need to know about another application; {@code id} is null for one not saved yet. */
    public record ApplicationRef(Long id, String name, String componentType, String backup, List<String> portIds) {
    }

    /**
     * Checks {@code app} (whose id is {@code selfId}, null when new), adding every problem to
     * {@code problems}; the draft is usable only when none was added.
     */
    public static ApplicationDraft check(NewApplication app, Long selfId, Lookup lookup, Catalog catalog,
            ProblemList problems) {
        String name = name(app.name(), problems);
        String type = componentType(app.componentType(), catalog, problems);
        String version = null;
        try {
            version = Version.parse(app.componentVersion()).toString();
        } catch (IllegalArgumentException e) {
            problems.add("componentVersion", e.getMessage());
        }
        String host = null;
        if (app.host() == null || app.host().isBlank()) {
            problems.add("host", "is required: the name of the host the application runs on");
        } else {
            host = lookup.host(app.host().strip()).orElse(null);
            if (host == null) {
                problems.add("host", "host '" + app.host() + "' does not exist");
            }
        }
        String backup = backup(app, name, type, selfId, lookup, problems);
        SortedMap<String, String> security = OptionChecks.section(Level.APPLICATION, app.security(), problems, "security");
        SortedMap<String, String> annex = OptionChecks.section(Level.APPLICATION_ANNEX, app.annex(), problems, "annex");
        List<PortDraft> ports = ports(app.ports(), problems);
        return new ApplicationDraft(name, type, version, host, backup, security, annex, ports);
    }

    private static String name(String text, ProblemList problems) {
        if (text == null || text.isBlank()) {
            problems.add("name", "is required");
            return null;
        }
        String name = text.strip();
        if (name.length() > 255) {
            problems.add("name", "must be at most 255 characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("name", "must not contain line breaks, tabs or other control characters");
        }
        return name;
    }

    private static String componentType(String text, Catalog catalog, ProblemList problems) {
        if (text == null || text.isBlank()) {
            problems.add("componentType", "is required: a component name of the catalog, e.g. Configuration Server");
            return null;
        }
        Optional<Component> component = catalog.find(text);
        if (component.isEmpty()) {
            problems.add("componentType", "'" + text + "' is not a component type of the catalog"
                    + " (see GET /api/v1/catalog/components for the names and their aliases)");
            return null;
        }
        return component.get().name();
    }

    private static String backup(NewApplication app, String name, String type, Long selfId, Lookup lookup,
            ProblemList problems) {
        if (app.backup() == null || app.backup().isBlank()) {
            return null;
        }
        Optional<ApplicationRef> found = lookup.application(app.backup().strip());
        if (found.isEmpty()) {
            problems.add("backup", "application '" + app.backup() + "' does not exist");
            return null;
        }
        ApplicationRef backup = found.get();
        if (isSelf(backup, name, selfId)) {
            problems.add("backup", "an application cannot be its own backup");
            return null;
        }
        if (type != null && !type.equals(backup.componentType())) {
            problems.add("backup", "'" + backup.name() + "' is a " + backup.componentType() + ": the backup of a " + type
                    + " must be another " + type);
        }
        List<String> chain = new ArrayList<>(List.of(name == null ? "?" : name, backup.name()));
        Set<String> seen = new HashSet<>();
        ApplicationRef step = backup;
        while (step.backup() != null && seen.add(step.name().toLowerCase(Locale.ROOT))) {
            Optional<ApplicationRef> next = lookup.application(step.backup());
            if (next.isEmpty()) {
                break;
            }
            step = next.get();
            chain.add(step.name());
            if (isSelf(step, name, selfId)) {
                problems.add("backup", "backups must not form a cycle: " + String.join(" → ", chain));
                break;
            }
        }
        return backup.name();
    }

    private static boolean isSelf(ApplicationRef ref, String name, Long selfId) {
        if (selfId != null && ref.id() != null) {
            return selfId.equals(ref.id());
        }
        return name != null && ref.name().equalsIgnoreCase(name);
    }

    private static List<PortDraft> ports(List<PortSpec> specs, ProblemList problems) {
        List<PortDraft> drafts = new ArrayList<>();
        if (specs == null) {
            return drafts;
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            ProblemList at = problems.nested("ports[" + i + "]");
            PortSpec spec = specs.get(i);
            if (spec == null) {
                at.add("", "a port needs portId, number, listeningMode and transport");
                continue;
            }
            String portId = spec.portId() == null ? "" : spec.portId().strip();
            if (!PORT_ID.matcher(portId).matches()) {
                at.add("portId", portId.isEmpty() ? "is required, e.g. default or ESP"
                        : "'" + spec.portId() + "' is not a port id: 1 to 64 letters, digits, '.', '_' or '-'");
            } else if (ids.putIfAbsent(portId.toLowerCase(Locale.ROOT), i) != null) {
                at.add("portId", "port id '" + portId + "' is used twice in this application");
            }
            Integer number = spec.number();
            if (number == null || number < 1 || number > 65535) {
                at.add("number", number == null ? "is required: 1 to 65535" : number + " is not a port number: use 1 to 65535");
            } else if (numbers.putIfAbsent(number, portId) != null) {
                at.add("number", "port number " + number + " is already used by port '" + numbers.get(number) + "'");
            }
            ListeningMode mode = listeningMode(spec.listeningMode(), at);
            Optional<TransportString> transport = OptionChecks.transport(Level.PORT, spec.transport(), at, "transport");
            if (mode != null && transport.isPresent()) {
                consistent(mode, transport.get(), at);
            }
            drafts.add(new PortDraft(portId, number == null ? 0 : number, mode,
                    transport.map(TransportString::render).orElse(null)));
        }
        return drafts;
    }

    private static ListeningMode listeningMode(String text, ProblemList at) {
        if (text == null || text.isBlank()) {
            at.add("listeningMode", "is required: SECURE, UNSECURED or AUTO_DETECT");
            return null;
        }
        try {
            return ListeningMode.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            at.add("listeningMode", "'" + text + "' is not a listening mode: use SECURE, UNSECURED or AUTO_DETECT");
            return null;
        }
    }

    /** The listening mode and the port's own {@code tls} flag must say the same thing. */
    private static void consistent(ListeningMode mode, TransportString transport, ProblemList at) {
        boolean tls = transport.get("tls").filter("1"::equals).isPresent();
        if (mode == ListeningMode.SECURE && !tls) {
            at.add("transport", "a SECURE port needs tls=1 in its own transport: Genesys reads the tls flag of the port"
                    + " itself, never an inherited one");
        } else if (mode == ListeningMode.UNSECURED && tls) {
            at.add("transport", "tls=1 makes the port secure: choose listening mode SECURE, or remove tls=1");
        } else if (mode == ListeningMode.AUTO_DETECT && tls) {
            at.add("transport", "an AUTO_DETECT port accepts unsecured connections that upgrade to TLS: remove tls=1"
                    + " (its certificate options stay)");
        }
    }

    /** An application that passed the rules, with values in their stored form ({@code host}, {@code backup}: stored names). */
    public record ApplicationDraft(String name, String componentType, String componentVersion, String host, String backup,
            SortedMap<String, String> security, SortedMap<String, String> annex, List<PortDraft> ports) {
    }

    /** A port that passed the rules; {@code transport} canonical. */
    public record PortDraft(String portId, int number, ListeningMode listeningMode, String transport) {
    }
}
