package dev.tlsconsole.probe;

import java.time.Instant;
import java.util.List;

import dev.tlsconsole.certificates.facts.PresentedChains.PresentedCertificate;

/**
 * One probe, as {@code POST/GET /api/v1/probes} return it (API.md § Probes) and the pages show it; the
 * documented fields first, then {@code actor} and the port's names.
 */
public record ProbeView(long id, Instant at, Target target, boolean reachable, boolean tls, List<String> protocols,
        String cipher, List<PresentedCertificate> chain, boolean clientCertificateRequested, List<String> acceptedIssuers,
        List<FindingJson> findings, String actor) {

    /** @param application and {@code portId}: the port probed, named as it was then */
    public record Target(String host, String address, int port, String application, String portId, long applicationId) {
    }

    /** @param connectionId null for a finding about the port itself */
    public record FindingJson(String code, String severity, String message, Long connectionId) {
    }

    static ProbeView of(Probe probe, ProbeResult result) {
        return new ProbeView(probe.id(), probe.probedAt(),
                new Target(probe.hostName(), probe.address(), probe.portNumber(), probe.applicationName(), probe.portId(),
                        probe.applicationId()),
                probe.reachable(), probe.tls(), result.protocols(), result.cipher(), result.chain(),
                result.clientCertificateRequested(), result.acceptedIssuers(),
                result.findings().stream().map(f -> new FindingJson(f.code().name(), f.code().severity().name(), f.message(),
                        f.connectionId())).toList(),
                probe.actor());
    }
}
