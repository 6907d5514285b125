package dev.tlsconsole.topology.host;

import java.util.Locale;
import java.util.SortedMap;

import dev.tlsconsole.policy.Version;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.topology.NetworkNames;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

/**
 * The rules a host must follow on its own (uniqueness of the name is the caller's business, since
 * the bulk import also checks it against the rest of its document). Pure: no database.
 */
public final class HostRules {

    private HostRules() {
    }

    /** Checks {@code host}, adding every problem to {@code problems}; the draft is usable only when none was added. */
    public static HostDraft check(NewHost host, ProblemList problems) {
        String name = host.name() == null ? null : host.name().strip();
        NetworkNames.hostNameProblem(name).ifPresent(message -> problems.add("name", message));
        NetworkNames.Address address = NetworkNames.address(host.ipAddress());
        if (!address.valid()) {
            problems.add("ipAddress", address.problem());
        }
        OsType os = osType(host.osType(), problems);
        String pack = securityPack(host.securityPackVersion(), os, problems);
        SortedMap<String, String> security = OptionChecks.section(Level.HOST, host.security(), problems, "security");
        String osVersion = osVersion(host.osVersion(), problems);
        return new HostDraft(name, address.value(), os, pack, security, osVersion);
    }

    /** The OS of {@code text} (any case), or null after recording why it is not one. */
    public static OsType osType(String text, ProblemList problems) {
        if (text == null || text.isBlank()) {
            problems.add("osType", "is required: WINDOWS or UNIX");
            return null;
        }
        try {
            return OsType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("osType", "'" + text + "' is not an operating system type: use WINDOWS or UNIX");
            return null;
        }
    }

    private static String securityPack(String text, OsType os, ProblemList problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (os == OsType.WINDOWS) {
            problems.add("securityPackVersion", "the Security Pack exists only on UNIX: Windows hosts use the TLS of the"
                    + " operating system (SChannel), so leave it empty");
            return null;
        }
        try {
            return Version.parse(text).toString();
        } catch (IllegalArgumentException e) {
            problems.add("securityPackVersion", e.getMessage());
            return null;
        }
    }

    /** Free text such as "Windows Server 2019" or "RHEL 8"; blank = unknown. */
    private static String osVersion(String text, ProblemList problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 100) {
            problems.add("osVersion", "must be at most 100 characters, e.g. Windows Server 2019 or RHEL 8");
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add("osVersion", "must not contain line breaks, tabs or other control characters");
            return null;
        }
        return value;
    }

    /** A host that passed the rules, with values in their stored form; {@code osVersion} null = unknown. */
    public record HostDraft(String name, String ipAddress, OsType osType, String securityPackVersion,
            SortedMap<String, String> security, String osVersion) {
    }
}
