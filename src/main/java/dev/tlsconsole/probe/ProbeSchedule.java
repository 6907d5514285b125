package dev.tlsconsole.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.topology.TopologyReader;

/**
 * Probes every SECURE and AUTO_DETECT port every {@code console.probes.schedule.interval}, when
 * {@code console.probes.schedule.enabled=true} (off by default). Deliberately one plain method: with
 * several console instances each would probe, so a schedule lock (the shared scheduling-lock library)
 * wraps {@link #probeAll()} unchanged once it is in place.
 */
@Component
class ProbeSchedule {

    private final TopologyReader topology;
    private final ProbeService probes;
    private final boolean enabled;

    // issue 18: read at run time rather than as a bean condition, which an ahead-of-time (AOT) build fixes
    ProbeSchedule(TopologyReader topology, ProbeService probes,
            @Value("${console.probes.schedule.enabled:false}") boolean enabled) {
        this.topology = topology;
        this.probes = probes;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${console.probes.schedule.interval:6h}", initialDelayString = "${console.probes.schedule.interval:6h}")
    void probeAll() {
        if (!enabled) {
            return;
        }
        TopologyReader.Rows rows = topology.readAll();
        Map<Long, String> names = new HashMap<>();
        rows.applications().forEach(app -> names.put(app.id(), app.name()));
        List<ProbeService.PortName> ports = rows.ports().stream()
                .filter(port -> port.listeningMode() != ListeningMode.UNSECURED)
                .map(port -> new ProbeService.PortName(names.get(port.applicationId()), port.portId())).toList();
        probes.probeAll(ports);
    }
}
