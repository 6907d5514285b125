package dev.tlsconsole.topology.application;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.tlsconsole.policy.snapshot.ListeningMode;

/**
 * A server port of an application (part of the application aggregate, versioned with it). Its
 * transport string is stored canonical; connections point at the port itself, so a port keeps its
 * row while its number, mode or transport change.
 */
@Entity
@Table(name = "listening_port")
public class ListeningPort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    private String portId;

    private int portNumber;

    @Enumerated(EnumType.STRING)
    private ListeningMode listeningMode;

    private String transport;

    /** Position in the application's list, so ports come back in the order they were entered. */
    private int ordinal;

    protected ListeningPort() {
    }

    ListeningPort(Application application, ApplicationRules.PortDraft draft, int ordinal) {
        this.application = application;
        apply(draft, ordinal);
    }

    void apply(ApplicationRules.PortDraft draft, int ordinal) {
        this.portId = draft.portId();
        this.portNumber = draft.number();
        this.listeningMode = draft.listeningMode();
        this.transport = draft.transport();
        this.ordinal = ordinal;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public String getPortId() {
        return portId;
    }

    public int getPortNumber() {
        return portNumber;
    }

    public ListeningMode getListeningMode() {
        return listeningMode;
    }

    public String getTransport() {
        return transport;
    }

    int getOrdinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        return "ListeningPort[" + portId + ":" + portNumber + " " + listeningMode + "]";
    }
}
