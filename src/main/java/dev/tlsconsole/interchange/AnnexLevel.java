package dev.tlsconsole.interchange;

import java.util.Map;
import java.util.SortedMap;

import org.springframework.stereotype.Component;

/**
 * The parts of the topology the interchange reads and writes besides the rows of {@code TopologyReader}:
 * the Application annex {@code [security]} level and the Host's OS version. Kept in one place so the
 * export and the import read them the same way.
 */
@Component
class AnnexLevel {

    /** Application annex sections by application id (only applications that have one). */
    Map<Long, SortedMap<String, String>> read() {
        return Map.of();
    }

    /** The OS version recorded for a host, or null. */
    String osVersion(long hostId) {
        return null;
    }

    /** Replaces an application's annex section (null = leave it); nothing while the level is not stored. */
    void write(long applicationId, SortedMap<String, String> annex) {
        if (annex == null || !stored()) {
            return;
        }
        throw new IllegalStateException("the annex level is stored but not written");
    }

    /** Whether the topology stores the Application annex level (an import of annex files needs it). */
    boolean stored() {
        return false;
    }
}
