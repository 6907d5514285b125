package dev.tlsconsole.topology.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import dev.tlsconsole.topology.host.Host;

/**
 * A Genesys application: a catalog component type and version running on a host, with an optional
 * backup (HA pair), its options {@code [security]} section and its listening ports. Built only from a
 * checked {@link ApplicationRules.ApplicationDraft}.
 */
@Entity
@Table(name = "application")
@BatchSize(size = 100)
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** The name in lower case: the unique key. */
    private String nameKey;

    /** The catalog's canonical component name. */
    private String componentType;

    private String componentVersion;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_id")
    private Host host;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "backup_id")
    private Application backup;

    @ElementCollection
    @CollectionTable(name = "application_option", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "option_key")
    @Column(name = "option_value")
    @BatchSize(size = 100)
    private Map<String, String> security = new HashMap<>();

    /** The annex {@code [security]} section (reference §8 A1: read after the options, before the host annex). */
    @ElementCollection
    @CollectionTable(name = "application_annex_option", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "option_key")
    @Column(name = "option_value")
    @BatchSize(size = 100)
    private Map<String, String> annex = new HashMap<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 100)
    private List<ListeningPort> ports = new ArrayList<>();

    @Version
    private long version;

    protected Application() {
    }

    Application(ApplicationRules.ApplicationDraft draft, Host host, Application backup) {
        apply(draft, host, backup);
    }

    /**
     * Replaces every property with {@code draft}. Ports are matched by port id (ignoring case) so a
     * port that stays keeps its row and the connections to it; ports left out are removed.
     */
    void apply(ApplicationRules.ApplicationDraft draft, Host newHost, Application newBackup) {
        this.name = draft.name();
        this.nameKey = key(draft.name());
        this.componentType = draft.componentType();
        this.componentVersion = draft.componentVersion();
        this.host = newHost;
        this.backup = newBackup;
        security.keySet().retainAll(draft.security().keySet());
        security.putAll(draft.security());
        annex.keySet().retainAll(draft.annex().keySet());
        annex.putAll(draft.annex());
        replacePorts(draft.ports());
    }

    private void replacePorts(List<ApplicationRules.PortDraft> drafts) {
        Map<String, ListeningPort> existing = new HashMap<>();
        ports.forEach(port -> existing.put(key(port.getPortId()), port));
        Set<ListeningPort> kept = new HashSet<>();
        List<ListeningPort> added = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ApplicationRules.PortDraft draft = drafts.get(i);
            ListeningPort port = existing.get(key(draft.portId()));
            if (port == null) {
                added.add(new ListeningPort(this, draft, i));
            } else {
                port.apply(draft, i);
                kept.add(port);
            }
        }
        ports.removeIf(port -> !kept.contains(port));
        ports.addAll(added);
    }

    /** The ports that {@code draft} would remove: the caller checks that no connection uses them. */
    List<ListeningPort> portsRemovedBy(ApplicationRules.ApplicationDraft draft) {
        Set<String> wanted = new HashSet<>();
        draft.ports().forEach(port -> wanted.add(key(port.portId())));
        return ports.stream().filter(port -> !wanted.contains(key(port.getPortId()))).toList();
    }

    /** The unique key of an application name or a port id. */
    public static String key(String name) {
        return Host.key(name); // compared like host names
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getComponentType() {
        return componentType;
    }

    public String getComponentVersion() {
        return componentVersion;
    }

    public Host getHost() {
        return host;
    }

    public Application getBackup() {
        return backup;
    }

    /** The options {@code [security]} section, sorted by option name. */
    public SortedMap<String, String> getSecurity() {
        return new TreeMap<>(security);
    }

    /** The annex {@code [security]} section, sorted by option name. */
    public SortedMap<String, String> getAnnex() {
        return new TreeMap<>(annex);
    }

    /** The listening ports in the order they were entered. */
    public List<ListeningPort> getPorts() {
        return ports.stream().sorted(Comparator.comparingInt(ListeningPort::getOrdinal)).toList();
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Application[" + name + ", " + componentType + " " + componentVersion + "]";
    }
}
