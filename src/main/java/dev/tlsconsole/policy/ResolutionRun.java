package dev.tlsconsole.policy;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ParsedTransport;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One resolution over one snapshot, by one thread: everything shared between connections is computed
 * once and kept here — server side per port, client side per client application (and per set of
 * connection options), hosts, certificate look-ups, pair verdicts by value class, and what it learns
 * about the (immutable) profiles it creates: their findings per mode and certificates, keyed by the
 * profile's number. Caches are keyed by dense index (see the package documentation). Not thread-safe:
 * a bulk resolution gives each thread a run of its own, and they share only the immutable server sides
 * built before them.
 */
final class ResolutionRun {

    final TopologySnapshot snapshot;
    final LinkRules linkRules;
    final CertificateFacts facts;
    final PolicySettings settings;
    final Instant now;
    final Grading grading = new Grading();
    /** True for the reference resolution tests compare against: no shortcut, each connection on its own. */
    final boolean naive;
    private static final Mode[] MODES = Mode.values();

    private final Memo<ServerSide> servers;
    private final Memo<ClientProfile> profiles;
    private final Memo<HostInfo> hosts;
    private final Memo<ObjectRef> applicationRefs;
    /** Numbers the sides' value classes; shared with the other runs of a bulk resolution. */
    final ValueClasses classes;
    // built once: a lambda capturing 'this' passed on every call could cost an allocation per connection
    private final IntFunction<ServerSide> buildServer = index -> ServerSide.build(this, index);
    private final IntFunction<ClientProfile> buildProfile = index -> newProfile(index, Optional.empty());
    private final IntFunction<HostInfo> buildHost = this::buildHost;
    private final IntFunction<ObjectRef> buildApplicationRef = this::buildApplicationRef;
    private final Map<String, Optional<KnownCertificate>> certificates = new HashMap<>();
    private final Map<String, Optional<String>> configFiles = new HashMap<>();
    private final Map<String, Optional<Version>> packs = new HashMap<>();
    private final Map<String, Boolean> javaTypes = new HashMap<>();
    private final Map<TemplateKey, ClientProfile> templates = new HashMap<>();
    /** Keyed by identity: the snapshot parses each distinct transport text once. */
    private final Map<ParsedTransport, Long> transportCodes = new IdentityHashMap<>();
    private final LongTable<PairVerdict.Negotiated> negotiations = new LongTable<>();
    private final LongTable<CatalogVerdict> links = new LongTable<>();
    private final LongTable<PairVerdict> verdicts = new LongTable<>();
    // per client profile, by its id (profiles are numbered as this run creates them)
    private int profileCount;
    private List<Finding>[][] clientFindings = newFindingTable(16);
    private boolean[][][] clientMentions = new boolean[16][][];
    private Optional<KnownCertificate>[] clientCertificates = newCertificateTable(16);

    /** @param bulk true when many connections will be resolved: caches become arrays instead of maps */
    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings, boolean bulk) {
        this(snapshot, linkRules, facts, settings, settings.clock().instant(), bulk, false, null, new ValueClasses());
    }

    /**
     * @param now     the instant certificates and CRLs are judged at, read once per resolution
     * @param naive   true for {@link PolicyResolver#resolveNaively}: every connection resolved from its own layers
     * @param servers server sides already built (by port index, null where not), shared read-only; or null
     * @param classes the numbering of value classes {@code servers} were built with
     */
    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings,
                  Instant now, boolean bulk, boolean naive, ServerSide[] servers, ValueClasses classes) {
        this.naive = naive;
        this.snapshot = snapshot;
        this.linkRules = linkRules;
        this.facts = facts;
        this.settings = settings;
        this.now = now;
        this.servers = servers == null ? Memo.of(snapshot.portCount(), bulk) : Memo.startingWith(servers);
        this.profiles = Memo.of(snapshot.applicationCount(), bulk);
        this.hosts = Memo.of(snapshot.hostCount(), bulk);
        this.applicationRefs = Memo.of(snapshot.applicationCount(), bulk);
        this.classes = classes;
    }

    ServerSide server(int portIndex) {
        return servers.get(portIndex, buildServer);
    }

    /** The client side of an application's connections that set at most {@code tls}. */
    ClientProfile profile(int applicationIndex) {
        return profiles.get(applicationIndex, buildProfile);
    }

    /**
     * The client side of an application for connections that set these TLS options, resolved against
     * {@link ClientProfile#PLACEHOLDER} instead of a real connection so that connections with the same
     * options share it (see {@link ClientProfile#mentionsConnection}).
     */
    ClientProfile template(int applicationIndex, Map<String, String> connectionOptions) {
        TemplateKey key = new TemplateKey(applicationIndex, connectionOptions);
        ClientProfile template = templates.get(key);
        if (template == null) {
            template = newProfile(applicationIndex, Optional.of(new Layer(ClientProfile.PLACEHOLDER, connectionOptions)));
            templates.put(key, template);
        }
        return template;
    }

    /** A client profile of this run, numbered for the per-profile caches; {@code connection} is its most specific layer. */
    ClientProfile newProfile(int applicationIndex, Optional<Layer> connection) {
        return new ClientProfile(this, profileCount++, applicationIndex, connection);
    }

    /** {@link TlsStack#java}, once per distinct component type in this run. */
    boolean java(ApplicationSnapshot application) {
        return javaTypes.computeIfAbsent(application.componentType(), type -> TlsStack.java(application));
    }

    /** A host with its Security Pack version parsed once per distinct version text. */
    HostInfo host(int hostIndex) {
        return hosts.get(hostIndex, buildHost);
    }

    private ObjectRef buildApplicationRef(int index) {
        return snapshot.applicationRef(index);
    }

    private HostInfo buildHost(int index) {
        HostSnapshot entry = snapshot.host(index);
        Optional<Version> pack = entry.securityPack().isEmpty() ? Optional.empty()
                : packs.computeIfAbsent(entry.securityPack().get(),
                        text -> Version.isValid(text) ? Optional.of(Version.parse(text)) : Optional.empty());
        return new HostInfo(entry, snapshot.hostRef(index), pack);
    }

    ObjectRef applicationRef(int applicationIndex) {
        return applicationRefs.get(applicationIndex, buildApplicationRef);
    }

    Optional<KnownCertificate> certificate(ResolvedOption certificate) {
        if (!certificate.hasValue()) {
            return Optional.empty();
        }
        return certificates.computeIfAbsent(certificate.value(), facts::certificate);
    }

    /**
     * What a client side and a server side make of a connection, shared by every connection with the same
     * value classes: the negotiation is decided once per (server class, client class, client tls), the
     * catalog asked once per (client component, server component and port id), and the verdict put
     * together once per (negotiation, catalog verdict, client host check) — three look-ups on numbers
     * (the catalog's verdicts are shared by the runs of a resolution, see {@link ValueClasses#link}).
     * The naive run decides for each connection afresh, so that tests compare the sharing with no sharing.
     *
     * @param clientTls true when the connection's client side resolves {@code tls=1}
     */
    PairVerdict verdict(ServerSide server, ClientProfile client, boolean clientTls) {
        if (naive) {
            return PairVerdict.decide(server, client, clientTls, this);
        }
        long negotiationKey = (long) server.classId << 32 | (long) client.classId << 1 | (clientTls ? 1 : 0);
        PairVerdict.Negotiated negotiated = negotiations.get(negotiationKey);
        if (negotiated == null) {
            negotiated = PairVerdict.negotiate(PairVerdict.ServerClass.of(server), PairVerdict.ClientClass.of(client), clientTls,
                    negotiations.size() + 1);
            negotiations.put(negotiationKey, negotiated);
        }
        if (negotiated.plaintext != null) {
            return negotiated.plaintext;
        }
        long linkKey = (long) client.componentId << 32 | server.componentId;
        CatalogVerdict link = links.get(linkKey);
        if (link == null) {
            link = new CatalogVerdict(links.size() + 1, classes.link(linkKey, () -> linkRules.check(client.application().componentType(),
                    Version.orNull(client.application().componentVersion()), server.application().componentType(),
                    Version.orNull(server.application().componentVersion()), server.end().portId())));
            links.put(linkKey, link);
        }
        long verdictKey = (long) negotiated.id << 32 | (long) link.id << 1 | (client.targetNameIgnored ? 1 : 0);
        PairVerdict verdict = verdicts.get(verdictKey);
        if (verdict == null) {
            verdict = PairVerdict.of(negotiated, link.verdict, client.targetNameIgnored);
            verdicts.put(verdictKey, verdict);
        }
        return verdict;
    }

    /** The catalog's verdict on a pair of components, numbered in this run (from 1). */
    private record CatalogVerdict(int id, LinkRules.LinkVerdict verdict) {
    }

    /** A profile's findings for an authentication mode (see {@link ClientProfile#computeFindings}), computed once. */
    List<Finding> clientFindings(ClientProfile client, Mode authMode) {
        ensureProfileSlots(client.id);
        List<Finding>[] byMode = clientFindings[client.id];
        if (byMode == null) {
            byMode = newFindingRow();
            clientFindings[client.id] = byMode;
        }
        List<Finding> findings = byMode[authMode.ordinal()];
        if (findings == null) {
            findings = client.computeFindings(this, authMode);
            byMode[authMode.ordinal()] = findings;
        }
        return findings;
    }

    /**
     * The findings of a profile shared by connections with the same options, as they read for one
     * connection (see {@link ClientProfile#PLACEHOLDER}).
     */
    List<Finding> clientFindings(ClientProfile template, Mode authMode, ObjectRef connection) {
        return ClientProfile.forConnection(clientFindings(template, authMode), clientMentions(template, authMode), connection);
    }

    /** Which findings of a shared template's list for a mode name {@link ClientProfile#PLACEHOLDER}. */
    boolean[] clientMentions(ClientProfile template, Mode authMode) {
        List<Finding> shared = clientFindings(template, authMode);
        boolean[][] byMode = clientMentions[template.id];
        if (byMode == null) {
            byMode = new boolean[MODES.length][];
            clientMentions[template.id] = byMode;
        }
        boolean[] mentioning = byMode[authMode.ordinal()];
        if (mentioning == null) {
            mentioning = ClientProfile.mentioning(shared);
            byMode[authMode.ordinal()] = mentioning;
        }
        return mentioning;
    }

    /** The codes of a connection transport's own findings (unknown options, syntax, levels), once per distinct transport. */
    long transportCodes(ParsedTransport transport) {
        Long codes = transportCodes.get(transport);
        if (codes == null) {
            List<Finding> findings = new ArrayList<>();
            LevelFindings.ofTransport(transport, ClientProfile.PLACEHOLDER, Side.CLIENT, findings);
            codes = Grading.codes(findings);
            transportCodes.put(transport, codes);
        }
        return codes;
    }

    /** The client's own certificate, looked up only when mutual TLS needs it. */
    Optional<KnownCertificate> clientCertificate(ClientProfile client) {
        ensureProfileSlots(client.id);
        Optional<KnownCertificate> known = clientCertificates[client.id];
        if (known == null) {
            known = certificate(client.side.get(SecurityOption.CERTIFICATE));
            clientCertificates[client.id] = known;
        }
        return known;
    }

    private void ensureProfileSlots(int id) {
        if (id >= clientFindings.length) {
            int size = Math.max(clientFindings.length * 2, id + 1);
            clientFindings = Arrays.copyOf(clientFindings, size);
            clientMentions = Arrays.copyOf(clientMentions, size);
            clientCertificates = Arrays.copyOf(clientCertificates, size);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Finding>[][] newFindingTable(int size) {
        return new List[size][];
    }

    @SuppressWarnings("unchecked")
    private static List<Finding>[] newFindingRow() {
        return new List[MODES.length];
    }

    @SuppressWarnings("unchecked")
    private static Optional<KnownCertificate>[] newCertificateTable(int size) {
        return new Optional[size];
    }

    /** CONFIG_FILE_ONLY: the component ignores what the console stores; say what to put in its file. */
    void configFileOnly(ApplicationSnapshot application, ObjectRef appRef, ResolvedSide side, Side findingSide, List<Finding> out) {
        configFiles.computeIfAbsent(application.componentType(), linkRules::configFileOnly).ifPresent(file -> {
            List<String> lines = new ArrayList<>();
            for (ResolvedOption option : side.options()) {
                if (option.isSet() && option.hasValue() && option.option() != SecurityOption.TLS) {
                    lines.add(Describe.setting(option));
                }
            }
            String section = lines.isEmpty() ? "the TLS options (certificate, certificate-key, trusted-ca, …)" : String.join(", ", lines);
            out.add(Finding.of(FindingCode.CONFIG_FILE_ONLY, findingSide, appRef, Describe.capitalised(Describe.object(appRef))
                    + " (" + application.componentType() + ") reads its TLS settings only from " + file
                    + ": put " + section + " in the [security] section of " + file + " on its host; the console cannot push them"));
        });
    }

    /**
     * Keyed by the options map itself, not its content: the snapshot parses each distinct transport
     * text once, so connections with the same text share one map, and hashing a map per connection
     * would cost more than the rare second template for an equal map.
     */
    private record TemplateKey(int applicationIndex, Map<String, String> options) {

        @Override
        public boolean equals(Object other) {
            return other instanceof TemplateKey key && key.applicationIndex == applicationIndex && key.options == options;
        }

        @Override
        public int hashCode() {
            return 31 * applicationIndex + System.identityHashCode(options);
        }
    }


    /**
     * Values by a never-zero long key, open addressing on primitive longs: a boxed key would be allocated
     * for most connections' look-ups.
     */
    private static final class LongTable<V> {

        private long[] keys = new long[64];
        private Object[] values = new Object[64];
        private int size;

        int size() {
            return size;
        }

        @SuppressWarnings("unchecked")
        V get(long key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return (V) values[slot];
                }
            }
            return null;
        }

        void put(long key, V value) {
            if ((size + 1) * 2 > keys.length) {
                long[] oldKeys = keys;
                Object[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new Object[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        insert(oldKeys[i], oldValues[i]);
                    }
                }
            }
            insert(key, value);
        }

        private void insert(long key, Object value) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = value;
            size++;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & mask;
        }
    }
}
