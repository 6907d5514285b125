package dev.tlsconsole.topology.application;

import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.OptionChecks.OptionWarning;

/** Requests and read models of applications and their ports, shared by the UI, the API and the bulk import. */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /**
     * An application as entered: {@code host} and {@code backup} by name, {@code componentType} a
     * catalog name or alias, ports in the order to keep.
     */
    public record NewApplication(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 255, message = FieldRules.TOO_LONG) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 255, message = FieldRules.TOO_LONG) String componentType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 40, message = FieldRules.TOO_LONG) String componentVersion, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 253, message = FieldRules.TOO_LONG) String host, @Size(max = 255, message = FieldRules.TOO_LONG) String backup,
            Map<String, String> security, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annex,
            List<@jakarta.validation.Valid PortSpec> ports) {

        /** An application whose annex {@code [security]} is empty. */
        public NewApplication(String name, String componentType, String componentVersion, String host, String backup,
                Map<String, String> security, List<PortSpec> ports) {
            this(name, componentType, componentVersion, host, backup, security, Map.of(), ports);
        }
    }

    /** A listening port as entered; {@code listeningMode} is text so a wrong value is reported with the rest. */
    public record PortSpec(@Size(max = 64, message = FieldRules.TOO_LONG) String portId, Integer number, @Schema(allowableValues = {"UNSECURED", "SECURE", "AUTO_DETECT"}) String listeningMode, String transport) {
    }

    /** Every property of an application, replacing the current ones; {@code version} is the version the change is based on. */
    public record ApplicationChange(@Size(max = 255, message = FieldRules.TOO_LONG) String name, @Size(max = 255, message = FieldRules.TOO_LONG) String componentType,
            @Size(max = 40, message = FieldRules.TOO_LONG) String componentVersion, @Size(max = 253, message = FieldRules.TOO_LONG) String host, @Size(max = 255, message = FieldRules.TOO_LONG) String backup,
            Map<String, String> security, Map<String, String> annex, List<@jakarta.validation.Valid PortSpec> ports, Long version) {

        NewApplication asNew() {
            return new NewApplication(name, componentType, componentVersion, host, backup, security, annex, ports);
        }
    }

    /**
     * An application as shown: names and ids of its host and backup, its options {@code [security]},
     * its annex {@code [security]} and its ports.
     */
    public record ApplicationView(Long id, String name, String componentType, String componentVersion, String host,
            Long hostId, String backup, Long backupId, SortedMap<String, String> security,
            SortedMap<String, String> annex, List<PortView> ports, long version, List<OptionWarning> optionWarnings) {

        static ApplicationView of(Application application) {
            SortedMap<String, String> security = application.getSecurity();
            SortedMap<String, String> annex = application.getAnnex();
            List<PortView> ports = application.getPorts().stream().map(PortView::of).toList();
            List<OptionWarning> warnings = new ArrayList<>(OptionChecks.sectionWarnings("security", security));
            warnings.addAll(OptionChecks.sectionWarnings("annex", annex));
            for (int i = 0; i < ports.size(); i++) {
                warnings.addAll(OptionChecks.transportWarnings("ports[" + i + "].transport", ports.get(i).transport()));
            }
            Application backup = application.getBackup();
            return new ApplicationView(application.getId(), application.getName(), application.getComponentType(),
                    application.getComponentVersion(), application.getHost().getName(), application.getHost().getId(),
                    backup == null ? null : backup.getName(), backup == null ? null : backup.getId(), security, annex, ports,
                    application.getVersion(), List.copyOf(warnings));
        }

        /** The same application as a change request based on this version. */
        public ApplicationChange asChange() {
            return new ApplicationChange(name, componentType, componentVersion, host, backup, security, annex,
                    ports.stream().map(PortView::asSpec).toList(), version);
        }

        /** The port with this id (ignoring case), or null. */
        public PortView port(String portId) {
            return ports.stream().filter(p -> p.portId().equalsIgnoreCase(portId)).findFirst().orElse(null);
        }
    }

    /** A listening port as shown; {@code transport} is canonical. */
    public record PortView(String portId, int number, @Schema(allowableValues = {"UNSECURED", "SECURE", "AUTO_DETECT"}) String listeningMode, String transport) {

        static PortView of(ListeningPort port) {
            return new PortView(port.getPortId(), port.getPortNumber(), port.getListeningMode().name(), port.getTransport());
        }

        PortSpec asSpec() {
            return new PortSpec(portId, number, listeningMode, transport);
        }
    }
}
