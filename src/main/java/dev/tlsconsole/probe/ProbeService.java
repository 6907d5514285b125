package dev.tlsconsole.probe;

import jakarta.annotation.PreDestroy;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.certificates.facts.PresentedChains;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.ObservedFindings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.TlsVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Probes a port (handshakes, comparison with the effective policy), keeps each probe and answers what
 * the last probes saw. A probe runs outside any transaction — handshakes take seconds — and is saved
 * with its audit entry afterwards. At most {@code console.probes.max-in-flight} run at once.
 */
@Service
public class ProbeService implements ObservedFindings {

    private static final Logger log = LoggerFactory.getLogger(ProbeService.class);

    private final ProbeTargets targets;
    private final ProbeComparison comparison;
    private final PresentedChains chains;
    private final EffectivePolicies policies;
    private final ProbeRepository probes;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TlsProber prober;
    private final Semaphore inFlight;
    private final TransactionTemplate transactions;
    private final LatestProbes latest;

    ProbeService(ProbeTargets targets, ProbeComparison comparison, PresentedChains chains, EffectivePolicies policies,
            ProbeRepository probes, AuditTrail audit, JsonMapper json, Clock clock, ProbeProperties properties,
            PlatformTransactionManager transactionManager, LatestProbes latest) {
        this.targets = targets;
        this.comparison = comparison;
        this.chains = chains;
        this.policies = policies;
        this.probes = probes;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.prober = new TlsProber(properties.timeout());
        this.inFlight = new Semaphore(properties.maxInFlight());
        this.transactions = new TransactionTemplate(transactionManager);
        this.latest = latest;
    }

    /** Probes the port {@code portId} of {@code application}; refused (400, audited) outside the allowed networks. */
    @PreAuthorize("hasRole('OPERATOR')")
    public ProbeView probe(String application, String portId) {
        return run(targets.byPort(application, portId), AuditTrail.currentActor());
    }

    /** Probes {@code address}:{@code port}, which must be a listening port of a host in the topology. */
    @PreAuthorize("hasRole('OPERATOR')")
    public ProbeView probe(String address, int port) {
        return run(targets.byAddress(address, port), AuditTrail.currentActor());
    }

    /** A port by its names. */
    record PortName(String application, String portId) {
    }

    /** The scheduled round, as the system: a refused target is audited by {@link ProbeTargets} and skipped. */
    void probeAll(List<PortName> ports) {
        for (PortName port : ports) {
            try {
                run(targets.byPort(port.application(), port.portId()), AuditTrail.SYSTEM);
            } catch (InvalidInputException | ProbesBusyException e) {
                log.info("Scheduled probe of {}:{} skipped: {}", port.application(), port.portId(), e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        prober.close();
    }

    ProbeView run(ProbeTargets.ProbeTarget target, String actor) {
        if (!inFlight.tryAcquire()) {
            audit.recordSeparately(AuditRecord.failure(AuditAction.PROBE, target.label(),
                    "probe refused: too many probes in flight"));
            throw new ProbesBusyException();
        }
        try {
            TlsProber.Observation seen = prober.probe(new InetSocketAddress(target.address(), target.port()), target.declaredAddress());
            List<EffectivePolicy> declared = new ArrayList<>();
            target.connectionIds().forEach(id -> declared.add(policies.get(id)));
            ProbeResult result = new ProbeResult(seen.protocols().stream().map(TlsVersion::name).toList(),
                    seen.cipher().orElse(null), seen.chain().isEmpty() ? List.of() : chains.describe(seen.chain()),
                    seen.clientCertificateRequested(), seen.acceptedIssuers(), comparison.compare(target, seen, declared));
            return save(target, actor, seen, result);
        } finally {
            inFlight.release();
        }
    }

    private ProbeView save(ProbeTargets.ProbeTarget target, String actor, TlsProber.Observation seen, ProbeResult result) {
        return transactions.execute(status -> {
            Probe probe = probes.save(new Probe(target, clock.instant(), actor, seen.reachable(), seen.tls(), json.writeValueAsString(result)));
            latest.forgetAfterCommit();
            audit.record(AuditRecord.success(AuditAction.PROBE, probe.id(), target.label(), null,
                Map.of("address", probe.address() + ":" + probe.portNumber(), "reachable", seen.reachable(), "tls", seen.tls(),
                        "protocols", result.protocols(),
                        "findings", result.findings().stream().map(f -> f.code().name()).toList())), actor);
            return ProbeView.of(probe, result);
        });
    }

    /** Probes, newest first, of one application (and port). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<ProbeView> list(String application, String portId, Pageable pageable) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("probedAt"), Sort.Order.desc("id")));
        Page<Probe> page;
        if (application == null || application.isBlank()) {
            page = probes.findAll(newestFirst);
        } else if (portId == null || portId.isBlank()) {
            page = probes.findByApplicationName(application, newestFirst);
        } else {
            page = probes.findByApplicationNameAndPortId(application, portId, newestFirst);
        }
        return page.map(this::view);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ProbeView get(long id) {
        return probes.findById(id).map(this::view).orElseThrow(() -> NotFoundException.of("Probe", id));
    }

    /** The last probe of a port and the one before it (newest first; fewer when the port was probed less). */
    @Transactional(readOnly = true)
    public List<ProbeView> lastTwo(long applicationId, String portId) {
        return probes.findTop2ByApplicationIdAndPortIdOrderByProbedAtDescIdDesc(applicationId, portId).stream()
                .map(this::view).toList();
    }

    @Override
    public Optional<Observation> forConnection(long connectionId) {
        EffectivePolicy policy;
        try {
            policy = policies.get(connectionId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return forPolicy(policy);
    }

    /** Answered from {@link LatestProbes}: no query per request (the effective-policy API asks on every one). */
    @Override
    public Optional<Observation> forPolicy(EffectivePolicy policy) {
        long connectionId = policy.connectionId();
        return latest.of(policy.server().application().id(), policy.server().portId())
                .map(probe -> new Observation(probe.probeId(), probe.probedAt(), probe.result().findings().stream()
                        .filter(f -> f.concerns(connectionId)).map(f -> new Item(f.code(), f.message())).toList()));
    }

    private ProbeView view(Probe probe) {
        return ProbeView.of(probe, result(probe));
    }

    private ProbeResult result(Probe probe) {
        return json.readValue(probe.result(), ProbeResult.class);
    }
}
