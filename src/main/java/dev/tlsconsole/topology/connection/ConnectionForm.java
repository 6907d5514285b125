package dev.tlsconsole.topology.connection;

import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;

/** The new-connection and edit-connection form: both ends by name, the port by id, the transport as text. */
public class ConnectionForm {

    private String client;
    private String server;
    private String portId;
    private String transport = "";
    private Long version;

    static ConnectionForm of(ConnectionView connection) {
        ConnectionForm form = new ConnectionForm();
        form.client = connection.client();
        form.server = connection.server();
        form.portId = connection.portId();
        form.transport = connection.transport();
        form.version = connection.version();
        return form;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getPortId() {
        return portId;
    }

    public void setPortId(String portId) {
        this.portId = portId;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
