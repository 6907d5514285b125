package dev.tlsconsole.topology.connection;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tlsconsole.topology.application.Application;
import dev.tlsconsole.topology.application.ListeningPort;

/**
 * A client application's connection to one listening port of a server application, with the
 * client-side transport string (stored canonical). There is at most one per client and port.
 */
@Entity
@Table(name = "connection")
public class Connection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Application client;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "server_port_id")
    private ListeningPort serverPort;

    private String transport;

    @Version
    private long version;

    protected Connection() {
    }

    Connection(Application client, ListeningPort serverPort, String transport) {
        connect(client, serverPort, transport);
    }

    /** Points the connection at (possibly) other ends with a checked, canonical transport. */
    void connect(Application newClient, ListeningPort newServerPort, String newTransport) {
        if (newClient.getId().equals(newServerPort.getApplication().getId())) {
            throw new IllegalArgumentException("a client cannot connect to itself");
        }
        this.client = newClient;
        this.serverPort = newServerPort;
        this.transport = newTransport;
    }

    public Long getId() {
        return id;
    }

    public Application getClient() {
        return client;
    }

    public ListeningPort getServerPort() {
        return serverPort;
    }

    public String getTransport() {
        return transport;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
