package dev.tlsconsole.topology.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.host.Host;
import dev.tlsconsole.topology.host.HostRepository;

/**
 * Resolves host and application names against the database, case-insensitively: the
 * {@link ApplicationRules.Lookup} of single changes, and the fallback of the bulk import for names
 * its document does not define. Used inside the callers' transactions.
 */
@Component
public class ApplicationDirectory implements ApplicationRules.Lookup {

    private final HostRepository hosts;
    private final ApplicationRepository applications;

    ApplicationDirectory(HostRepository hosts, ApplicationRepository applications) {
        this.hosts = hosts;
        this.applications = applications;
    }

    @Override
    public Optional<String> host(String name) {
        return findHost(name).map(Host::getName);
    }

    @Override
    public Optional<ApplicationRules.ApplicationRef> application(String name) {
        return findApplication(name).map(ApplicationDirectory::ref);
    }

    /** The host entity called {@code name} (any case). */
    public Optional<Host> findHost(String name) {
        return name == null || name.isBlank() ? Optional.empty() : hosts.findByNameKey(Host.key(name));
    }

    /** The application entity called {@code name} (any case). */
    public Optional<Application> findApplication(String name) {
        return name == null || name.isBlank() ? Optional.empty() : applications.findByNameKey(Application.key(name));
    }

    /** The host called {@code name} (any case), as other features read it. */
    public Optional<HostFacts> hostNamed(String name) {
        return findHost(name).map(ApplicationDirectory::facts);
    }

    /** The application called {@code name} (any case) with its host and ports, as other features read it. */
    public Optional<ApplicationFacts> applicationNamed(String name) {
        return findApplication(name).map(application -> new ApplicationFacts(application.getId(), application.getName(),
                facts(application.getHost()), application.getPorts().stream()
                        .map(port -> new PortFacts(port.getId(), port.getPortId())).toList()));
    }

    private static HostFacts facts(Host host) {
        return new HostFacts(host.getId(), host.getName(), host.getIpAddress(), host.getOsType());
    }

    /** A host as other features read it. */
    public record HostFacts(long id, String name, String ipAddress, OsType osType) {
    }

    /** An application with its host and its ports (row id and port id), as other features read it. */
    public record ApplicationFacts(long id, String name, HostFacts host, List<PortFacts> ports) {
    }

    /** A listening port: its row id and its port id. */
    public record PortFacts(long id, String portId) {
    }

    static ApplicationRules.ApplicationRef ref(Application application) {
        Application backup = application.getBackup();
        return new ApplicationRules.ApplicationRef(application.getId(), application.getName(),
                application.getComponentType(), backup == null ? null : backup.getName(),
                application.getPorts().stream().map(ListeningPort::getPortId).toList());
    }
}
