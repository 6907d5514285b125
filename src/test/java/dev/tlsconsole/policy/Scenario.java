package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection from "statserv" on "stat-host" to port "default" of "confserv" on "cfg-host". By
 * default a sound simple-TLS link between two UNIX hosts with the newest Security Pack: certificate,
 * key and CA on the server application, CA on the client application, tls=1 on port and connection.
 * Tests change one thing and look at what that did.
 */
public final class Scenario {

    String serverPack = TestTopology.MODERN_PACK;
    boolean serverWindows;
    String serverOsVersion;
    List<String> serverHost = new ArrayList<>();
    String serverType = "Configuration Server";
    String serverVersion = "8.5.1";
    List<String> serverApp = new ArrayList<>(List.of(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA));
    ListeningMode listeningMode = ListeningMode.SECURE;
    String portId = "default";
    String portTransport = "tls=1";
    String clientPack = TestTopology.MODERN_PACK;
    boolean clientWindows;
    List<String> clientHost = new ArrayList<>();
    String clientType = "Stat Server";
    List<String> clientApp = new ArrayList<>(List.of(PolicyTesting.CA));
    String connectionTransport = "tls=1";
    LinkRules rules = new FakeLinkRules();
    CertificateFacts facts = CertificateFacts.none();
    PolicySettings settings = PolicyTesting.SETTINGS;

    public static Scenario simpleTls() {
        return new Scenario();
    }

    public Scenario serverHost(String... options) {
        serverHost.addAll(List.of(options));
        return this;
    }

    public Scenario serverApp(String... options) {
        serverApp = new ArrayList<>(List.of(options));
        return this;
    }

    public Scenario addServerApp(String... options) {
        serverApp.addAll(List.of(options));
        return this;
    }

    public Scenario clientHost(String... options) {
        clientHost.addAll(List.of(options));
        return this;
    }

    public Scenario clientApp(String... options) {
        clientApp = new ArrayList<>(List.of(options));
        return this;
    }

    public Scenario addClientApp(String... options) {
        clientApp.addAll(List.of(options));
        return this;
    }

    public Scenario port(ListeningMode mode, String transport) {
        listeningMode = mode;
        portTransport = transport;
        return this;
    }

    public Scenario portId(String id) {
        portId = id;
        return this;
    }

    public Scenario connection(String transport) {
        connectionTransport = transport;
        return this;
    }

    public Scenario serverType(String type) {
        serverType = type;
        return this;
    }

    public Scenario clientType(String type) {
        clientType = type;
        return this;
    }

    /** UNIX server with this Security Pack (null = none). */
    public Scenario serverPack(String pack) {
        serverWindows = false;
        serverPack = pack;
        return this;
    }

    public Scenario clientPack(String pack) {
        clientWindows = false;
        clientPack = pack;
        return this;
    }

    /** Windows server; its certificate becomes a thumbprint. */
    public Scenario serverWindows() {
        serverWindows = true;
        serverApp = new ArrayList<>(List.of("certificate=" + PolicyTesting.THUMBPRINT));
        return this;
    }

    public Scenario clientWindows() {
        clientWindows = true;
        clientApp = new ArrayList<>();
        return this;
    }

    /** The server runs on Windows, whose recorded version is {@code osVersion} (null = not recorded). */
    public Scenario serverWindows(String osVersion) {
        serverWindows = true;
        serverOsVersion = osVersion;
        return this;
    }

    public Scenario rules(LinkRules linkRules) {
        rules = linkRules;
        return this;
    }

    public Scenario facts(CertificateFacts certificateFacts) {
        facts = certificateFacts;
        return this;
    }

    public Scenario settings(PolicySettings policySettings) {
        settings = policySettings;
        return this;
    }

    List<String> backupApp;
    String backupPortId;
    ListeningMode backupListeningMode;
    String backupPortTransport;

    /**
     * Gives confserv an HA backup "confserv-bak" on UNIX host "bak-host" (same Security Pack) with these
     * {@code [security]} options and, unless changed, a port like the primary's (reference §8 E1).
     */
    public Scenario backup(String... options) {
        backupApp = new ArrayList<>(List.of(options));
        return this;
    }

    String backupPack;

    /** The backup's host "bak-host" runs this Security Pack instead of the primary's (null = none). */
    public Scenario backupPack(String pack) {
        backupPack = pack;
        backupPackSet = true;
        return this;
    }

    boolean backupPackSet;

    public Scenario backupPortId(String id) {
        backupPortId = id;
        return this;
    }

    public Scenario backupPort(ListeningMode mode, String transport) {
        backupListeningMode = mode;
        backupPortTransport = transport;
        return this;
    }

    long connectionId;

    public TopologySnapshot snapshot() {
        TestTopology t = new TestTopology();
        String[] none = new String[0];
        long cfgHost = serverWindows ? t.windowsHostVersion("cfg-host", serverOsVersion, serverHost.toArray(none))
                : t.unixHost("cfg-host", serverPack, serverHost.toArray(none));
        long server = t.app("confserv", serverType, serverVersion, cfgHost, serverApp.toArray(none));
        long port = t.port(server, portId, listeningMode, portTransport);
        long statHost = clientWindows ? t.windowsHost("stat-host", clientHost.toArray(none))
                : t.unixHost("stat-host", clientPack, clientHost.toArray(none));
        long client = t.app("statserv", clientType, statHost, clientApp.toArray(none));
        connectionId = t.connection(client, port, connectionTransport);
        if (backupApp != null) {
            long bakHost = t.unixHost("bak-host", backupPackSet ? backupPack : serverPack);
            long backup = t.app("confserv-bak", serverType, serverVersion, bakHost, backupApp.toArray(none));
            t.port(backup, backupPortId == null ? portId : backupPortId,
                    backupListeningMode == null ? listeningMode : backupListeningMode,
                    backupPortTransport == null ? portTransport : backupPortTransport);
            t.backup(server, backup);
        }
        return t.snapshot();
    }

    public EffectivePolicy resolve() {
        TopologySnapshot snapshot = snapshot();
        return new PolicyResolver(rules, facts).resolve(snapshot, connectionId, settings).orElseThrow();
    }
}
