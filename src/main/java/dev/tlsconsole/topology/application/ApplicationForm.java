package dev.tlsconsole.topology.application;

import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.BindingResult;

import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;

/**
 * The new-application and edit-application form with its port rows (the options section has its own
 * editor on the application page). Port numbers are text so that "20x0" is explained, not a type error.
 */
public class ApplicationForm {

    private String name;
    private String componentType;
    private String componentVersion;
    private String host;
    private String backup;
    private List<PortRow> ports = new ArrayList<>();
    private Long version;

    static ApplicationForm of(ApplicationView application) {
        ApplicationForm form = new ApplicationForm();
        form.name = application.name();
        form.componentType = application.componentType();
        form.componentVersion = application.componentVersion();
        form.host = application.host();
        form.backup = application.backup();
        application.ports().forEach(p -> form.ports.add(new PortRow(p.portId(), Integer.toString(p.number()),
                p.listeningMode(), p.transport())));
        form.ports.add(new PortRow());
        form.version = application.version();
        return form;
    }

    /**
     * The filled-in port rows as the service takes them; {@code indexes} receives, for each of them,
     * its row in the form (blank rows are skipped), so problems land on the right row.
     */
    List<PortSpec> portSpecs(List<Integer> indexes, BindingResult binding) {
        List<PortSpec> specs = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            PortRow row = ports.get(i);
            if (row.isBlank()) {
                continue;
            }
            Integer number = null;
            String text = row.getNumber() == null ? "" : row.getNumber().strip();
            if (text.matches("\\d{1,6}")) {
                number = Integer.valueOf(text);
            } else if (!text.isEmpty()) {
                binding.rejectValue("ports[" + i + "].number", "invalid", "'" + text + "' is not a port number: use 1 to 65535");
                continue;
            }
            indexes.add(i);
            specs.add(new PortSpec(row.getPortId(), number, row.getListeningMode(), row.getTransport()));
        }
        return specs;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getComponentType() {
        return componentType;
    }

    public void setComponentType(String componentType) {
        this.componentType = componentType;
    }

    public String getComponentVersion() {
        return componentVersion;
    }

    public void setComponentVersion(String componentVersion) {
        this.componentVersion = componentVersion;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getBackup() {
        return backup;
    }

    public void setBackup(String backup) {
        this.backup = backup;
    }

    public List<PortRow> getPorts() {
        return ports;
    }

    public void setPorts(List<PortRow> ports) {
        this.ports = ports == null ? new ArrayList<>() : ports;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** One listening port row; a row with nothing typed is ignored. */
    public static class PortRow {
        private String portId = "";
        private String number = "";
        private String listeningMode = "SECURE";
        private String transport = "";

        public PortRow() {
        }

        PortRow(String portId, String number, String listeningMode, String transport) {
            this.portId = portId;
            this.number = number;
            this.listeningMode = listeningMode;
            this.transport = transport;
        }

        boolean isBlank() {
            return (portId == null || portId.isBlank()) && (number == null || number.isBlank())
                    && (transport == null || transport.isBlank());
        }

        public String getPortId() {
            return portId;
        }

        public void setPortId(String portId) {
            this.portId = portId;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }

        public String getListeningMode() {
            return listeningMode;
        }

        public void setListeningMode(String listeningMode) {
            this.listeningMode = listeningMode;
        }

        public String getTransport() {
            return transport;
        }

        public void setTransport(String transport) {
            this.transport = transport;
        }
    }
}
