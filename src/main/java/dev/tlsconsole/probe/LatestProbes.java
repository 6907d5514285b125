package dev.tlsconsole.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The latest probe of every port, as {@code GET /connections/{id}/effective-policy} asks for it on every
 * request: without a database query per request. Probes are only ever added (never changed or deleted),
 * so which probe is a port's latest changes only when one is added; the highest probe id is asked of the
 * database at most every {@link #RECHECK_AFTER} (one index lookup), and the map of latest probes is read
 * again when it moved. A probe saved through this instance is seen at once, another instance's within
 * {@link #RECHECK_AFTER} (as with the effective policies themselves); the map is also read again after
 * {@link #REBUILD_AFTER} at the latest, which covers two instances committing probes out of id order.
 * A probe's parsed result is kept by id, since the row never changes.
 */
@Component
class LatestProbes {

    static final Duration RECHECK_AFTER = Duration.ofMillis(250);
    static final Duration REBUILD_AFTER = Duration.ofMinutes(1);
    private static final int MAX_RESULTS = 10_000;

    /** The latest probe of a port: by time, then by id, as {@link ProbeRepository} orders newest first. */
    private static final String LATEST = "select p.id, p.application_id, p.port_id from probe p where not exists ("
            + "select 1 from probe q where q.application_id = p.application_id and q.port_id = p.port_id"
            + " and (q.probed_at > p.probed_at or (q.probed_at = p.probed_at and q.id > p.id)))";

    /** What was observed by one probe, its result parsed. */
    record Latest(long probeId, Instant probedAt, ProbeResult result) {
    }

    private record PortKey(long applicationId, String portId) {
    }

    private record Known(long highestId, Map<PortKey, Long> latest, long checkedAtNanos, long builtAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final ProbeRepository probes;
    private final JsonMapper json;
    private final Map<Long, Latest> results = new ConcurrentHashMap<>();
    private final Object reading = new Object();
    private volatile Known known;

    LatestProbes(JdbcTemplate jdbc, ProbeRepository probes, JsonMapper json) {
        this.jdbc = jdbc;
        this.probes = probes;
        this.json = json;
    }

    /** The latest probe of the port; empty when it was never probed. */
    Optional<Latest> of(long applicationId, String portId) {
        Long id = current().latest().get(new PortKey(applicationId, portId));
        if (id == null) {
            return Optional.empty();
        }
        Latest cached = results.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Latest> read = probes.findById(id)
                .map(probe -> new Latest(probe.id(), probe.probedAt(), json.readValue(probe.result(), ProbeResult.class)));
        read.ifPresent(latest -> {
            if (results.size() >= MAX_RESULTS) {
                results.clear();
            }
            results.put(id, latest);
        });
        return read;
    }

    /** A probe was saved: forgets what is known as soon as the saving transaction commits (at once outside one). */
    void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    /** Waits for a read in progress (it may have started before the commit), then drops what it read. */
    private void forget() {
        synchronized (reading) {
            known = null;
        }
    }

    private Known current() {
        long now = System.nanoTime();
        Known cached = known;
        if (cached != null && now - cached.checkedAtNanos() < RECHECK_AFTER.toNanos()) {
            return cached;
        }
        synchronized (reading) {
            cached = known;
            now = System.nanoTime();
            if (cached != null && now - cached.checkedAtNanos() < RECHECK_AFTER.toNanos()) {
                return cached;
            }
            Long highest = jdbc.queryForObject("select max(id) from probe", Long.class);
            long highestId = highest == null ? 0 : highest;
            if (cached != null && cached.highestId() == highestId && now - cached.builtAtNanos() < REBUILD_AFTER.toNanos()) {
                known = new Known(highestId, cached.latest(), now, cached.builtAtNanos());
            } else {
                Map<PortKey, Long> latest = new HashMap<>();
                jdbc.query(LATEST, rs -> {
                    latest.put(new PortKey(rs.getLong(2), rs.getString(3)), rs.getLong(1));
                });
                known = new Known(highestId, Map.copyOf(latest), now, now);
            }
            return known;
        }
    }
}
