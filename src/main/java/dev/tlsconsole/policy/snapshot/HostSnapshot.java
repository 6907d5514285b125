package dev.tlsconsole.policy.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Genesys Host as the engine sees it.
 *
 * @param securityPackVersion the UNIX Security Pack version installed, null (or blank) when none
 * @param security            the annex {@code [security]} section, in entry order
 * @param osVersion           the OS version as entered (free text, e.g. "Windows Server 2019"), null when unknown
 */
public record HostSnapshot(long id, String name, String ipAddress, OsType osType, @Nullable String securityPackVersion,
                   Map<String, String> security, @Nullable String osVersion) {

    /** A host whose OS version is not known. */
    public HostSnapshot(long id, String name, String ipAddress, OsType osType, @Nullable String securityPackVersion,
            Map<String, String> security) {
        this(id, name, ipAddress, osType, securityPackVersion, security, null);
    }

    public HostSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(osType, "osType");
        securityPackVersion = securityPackVersion == null || securityPackVersion.isBlank() ? null : securityPackVersion.strip();
        security = SecuritySection.copyOf(security);
        osVersion = osVersion == null || osVersion.isBlank() ? null : osVersion.strip();
    }

    /** The Security Pack version as entered; empty when none is installed. */
    public Optional<String> securityPack() {
        return Optional.ofNullable(securityPackVersion);
    }

    HostSnapshot withSecurity(Map<String, String> newSecurity) {
        return new HostSnapshot(id, name, ipAddress, osType, securityPackVersion, newSecurity, osVersion);
    }
}
