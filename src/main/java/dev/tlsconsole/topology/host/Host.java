package dev.tlsconsole.topology.host;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.NetworkNames;

/**
 * A machine of the contact centre. Its name is its network name; its annex {@code [security]}
 * section holds the TLS options set at host level, as Genesys stores them (string values by option
 * name, only what was set here). Built only from a checked {@link HostRules.HostDraft}.
 */
@Entity
@Table(name = "host")
public class Host {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** The name in lower case: the unique key, because host names are case-insensitive. */
    private String nameKey;

    private String ipAddress;

    @Enumerated(EnumType.STRING)
    private OsType osType;

    private String securityPackVersion;

    /** Free text, e.g. "Windows Server 2019"; null = unknown. */
    private String osVersion;

    @ElementCollection
    @CollectionTable(name = "host_option", joinColumns = @JoinColumn(name = "host_id"))
    @MapKeyColumn(name = "option_key")
    @Column(name = "option_value")
    @BatchSize(size = 100)
    private Map<String, String> security = new HashMap<>();

    @Version
    private long version;

    protected Host() {
    }

    Host(HostRules.HostDraft draft) {
        apply(draft);
    }

    /** Replaces every property with the checked values of {@code draft}. */
    void apply(HostRules.HostDraft draft) {
        this.name = draft.name();
        this.nameKey = key(draft.name());
        this.ipAddress = draft.ipAddress();
        this.osType = draft.osType();
        this.securityPackVersion = draft.securityPackVersion();
        this.osVersion = draft.osVersion();
        replaceSecurity(draft.security());
    }

    /** Replaces the annex {@code [security]} section (already checked) and nothing else. */
    void replaceSecurity(Map<String, String> options) {
        security.keySet().retainAll(options.keySet());
        security.putAll(options);
    }

    /** The unique key of a host name. */
    public static String key(String name) {
        return NetworkNames.key(name);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public OsType getOsType() {
        return osType;
    }

    public String getOsVersion() {
        return osVersion;
    }

    public String getSecurityPackVersion() {
        return securityPackVersion;
    }

    /** The annex {@code [security]} section, sorted by option name. */
    public SortedMap<String, String> getSecurity() {
        return new TreeMap<>(security);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Host[" + name + ", " + ipAddress + ", " + osType + "]";
    }
}
