package dev.tlsconsole.probe;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One probe of one port, kept as history: the port as it was named then, who probed it, when, and
 * what was seen ({@code result}: the JSON of {@link ProbeResult}). Never changed once written.
 */
@Entity
@Table(name = "probe")
class Probe {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private long applicationId;
    @Column(name = "application_name")
    private String applicationName;
    @Column(name = "port_id")
    private String portId;
    @Column(name = "host_name")
    private String hostName;
    private String address;
    @Column(name = "port_number")
    private int portNumber;
    @Column(name = "probed_at")
    private Instant probedAt;
    private String actor;
    private boolean reachable;
    private boolean tls;
    private String result;

    protected Probe() {
    }

    Probe(ProbeTargets.ProbeTarget target, Instant at, String actor, boolean reachable, boolean tls, String resultJson) {
        this.applicationId = target.applicationId();
        this.applicationName = target.application();
        this.portId = target.portId();
        this.hostName = target.host();
        this.address = target.address().getHostAddress();
        this.portNumber = target.port();
        this.probedAt = at;
        this.actor = actor;
        this.reachable = reachable;
        this.tls = tls;
        this.result = resultJson;
    }

    Long id() {
        return id;
    }

    long applicationId() {
        return applicationId;
    }

    String applicationName() {
        return applicationName;
    }

    String portId() {
        return portId;
    }

    String hostName() {
        return hostName;
    }

    String address() {
        return address;
    }

    int portNumber() {
        return portNumber;
    }

    Instant probedAt() {
        return probedAt;
    }

    String actor() {
        return actor;
    }

    boolean reachable() {
        return reachable;
    }

    boolean tls() {
        return tls;
    }

    String result() {
        return result;
    }
}
