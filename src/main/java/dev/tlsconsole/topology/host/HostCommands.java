package dev.tlsconsole.topology.host;

import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.OptionChecks.OptionWarning;

/** Requests and read models of hosts, shared by the UI, the API and the bulk import. */
public final class HostCommands {

    private HostCommands() {
    }

    /**
     * A host as entered. {@code osType} is text so a wrong value is reported with every other
     * problem; {@code securityPackVersion} null or empty = no Security Pack.
     */
    public record NewHost(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 253, message = FieldRules.TOO_LONG) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 45, message = FieldRules.TOO_LONG) String ipAddress,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WINDOWS", "UNIX"}) String osType,
            @Size(max = 40, message = FieldRules.TOO_LONG) String securityPackVersion, Map<String, String> security,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @Size(max = 100, message = FieldRules.TOO_LONG) String osVersion) {

        /** A host whose OS version is not known. */
        public NewHost(String name, String ipAddress, String osType, String securityPackVersion,
                Map<String, String> security) {
            this(name, ipAddress, osType, securityPackVersion, security, null);
        }
    }

    /** Every property of a host, replacing the current ones; {@code version} is the version the change is based on. */
    public record HostChange(@Size(max = 253, message = FieldRules.TOO_LONG) String name, @Size(max = 45, message = FieldRules.TOO_LONG) String ipAddress, String osType,
            @Size(max = 40, message = FieldRules.TOO_LONG) String securityPackVersion, Map<String, String> security, @Size(max = 100, message = FieldRules.TOO_LONG) String osVersion,
            Long version) {

        NewHost asNew() {
            return new NewHost(name, ipAddress, osType, securityPackVersion, security, osVersion);
        }
    }

    /**
     * A host as shown: the annex {@code [security]} section sorted by option name, and a warning for
     * each option name the console does not know (kept as entered).
     */
    public record HostView(Long id, String name, String ipAddress, @Schema(allowableValues = {"WINDOWS", "UNIX"}) String osType, String osVersion,
            String securityPackVersion, SortedMap<String, String> security, long version,
            List<OptionWarning> optionWarnings) {

        public static HostView of(Host host) {
            SortedMap<String, String> security = host.getSecurity();
            return new HostView(host.getId(), host.getName(), host.getIpAddress(), host.getOsType().name(),
                    host.getOsVersion(), host.getSecurityPackVersion(), security, host.getVersion(),
                    OptionChecks.sectionWarnings("security", security));
        }

        /** The same host as a change request based on this version. */
        public HostChange asChange() {
            return new HostChange(name, ipAddress, osType, securityPackVersion, security, osVersion, version);
        }
    }

    /** A host in a list, with how many applications run on it. */
    public record HostSummary(HostView host, int applications) {
    }
}
