package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import dev.tlsconsole.interchange.OptionFiles.Warning;

/**
 * What an import brings, whatever its form (a Genesys archive, single files, the JSON document): the
 * objects by name, each with only the parts the input said something about. A part left null is not
 * touched; a section that is present replaces the stored one (its missing keys are unset). The
 * {@code listed} flags say which kinds came as a complete list, so that {@code prune} may delete the
 * objects of that kind the input does not name.
 */
final class Incoming {

    /** A host: {@code attributes} null when only its annex file came. */
    record HostIn(String name, HostAttributes attributes, SortedMap<String, String> security, String origin) {
    }

    record HostAttributes(String ipAddress, String osType, String osVersion, String securityPackVersion) {
    }

    /** An application: each part null when the input did not carry it. */
    record ApplicationIn(String name, ApplicationAttributes attributes, SortedMap<String, String> options,
            SortedMap<String, String> annex, List<PortIn> ports, String origin) {
    }

    record ApplicationAttributes(String componentType, String componentVersion, String host, String backup) {
    }

    record PortIn(String portId, Integer number, String listeningMode, String transport) {
    }

    record ConnectionIn(String client, String server, String portId, String transport, String origin) {

        String key() {
            return Incoming.key(client) + "\u0000" + Incoming.key(server) + "\u0000" + Incoming.key(portId);
        }
    }

    final Map<String, HostIn> hosts = new LinkedHashMap<>();
    final Map<String, ApplicationIn> applications = new LinkedHashMap<>();
    final Map<String, ConnectionIn> connections = new LinkedHashMap<>();
    final List<Warning> warnings = new ArrayList<>();
    boolean hostsListed;
    boolean applicationsListed;
    boolean portsListed;
    boolean connectionsListed;

    static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    HostIn host(String name) {
        return hosts.get(key(name));
    }

    ApplicationIn application(String name) {
        return applications.get(key(name));
    }

    /** Merges a part into the host of that name (CSV row and annex file may come in either order). */
    void putHost(String name, HostAttributes attributes, SortedMap<String, String> security, String origin) {
        HostIn old = hosts.get(key(name));
        if (old == null) {
            hosts.put(key(name), new HostIn(name.strip(), attributes, security, origin));
        } else {
            hosts.put(key(name), new HostIn(old.name(), attributes != null ? attributes : old.attributes(),
                    security != null ? security : old.security(), old.origin()));
        }
    }

    void putApplication(String name, ApplicationAttributes attributes, SortedMap<String, String> options,
            SortedMap<String, String> annex, List<PortIn> ports, String origin) {
        ApplicationIn old = applications.get(key(name));
        if (old == null) {
            applications.put(key(name), new ApplicationIn(name.strip(), attributes, options, annex, ports, origin));
        } else {
            applications.put(key(name), new ApplicationIn(old.name(), attributes != null ? attributes : old.attributes(),
                    options != null ? options : old.options(), annex != null ? annex : old.annex(),
                    ports != null ? ports : old.ports(), old.origin()));
        }
    }

    void addPort(String application, PortIn port, String origin) {
        ApplicationIn old = applications.get(key(application));
        List<PortIn> ports = new ArrayList<>(old == null || old.ports() == null ? List.of() : old.ports());
        ports.add(port);
        putApplication(application, null, null, null, ports, origin);
    }
}
