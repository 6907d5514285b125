package dev.tlsconsole.certificates.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.CertificateChanges;
import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedFile;

/**
 * The {@code certificate_deployment} rows: which file the console put at which path for which assigned
 * certificate. Joins the caller's transaction.
 */
@Component
class Deployments {

    /** What a deployed file holds. */
    enum Kind {
        CERTIFICATE, INTERMEDIATE, KEY, TRUSTED_CA, CRL
    }

    private final JdbcTemplate jdbc;
    private final CertificateChanges changes;
    private final Clock clock;

    Deployments(JdbcTemplate jdbc, CertificateChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** Records the files of an assignment (once per path and certificate). */
    void record(long certificateId, List<PlannedFile> files) {
        for (PlannedFile file : files) {
            Integer existing = jdbc.queryForObject("select count(*) from certificate_deployment where path = ? and certificate_id = ?",
                    Integer.class, file.path(), certificateId);
            if (existing == null || existing == 0) {
                jdbc.update("insert into certificate_deployment (path, certificate_id, kind, content_fingerprint, created_at)"
                        + " values (?, ?, ?, ?, ?)", file.path(), certificateId, file.kind(), file.contentFingerprint(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            }
        }
        if (!files.isEmpty()) {
            changes.changed();
        }
    }

    /** The fingerprint of what is deployed at {@code path}, when the console deployed something there. */
    Optional<String> contentAt(String path) {
        return jdbc.queryForList("select content_fingerprint from certificate_deployment where path = ?", String.class, path)
                .stream().findFirst();
    }

    /** The path a certificate's own file (kind) was deployed at before, so a second assignment reuses it. */
    Optional<String> pathOf(long certificateId, Kind kind) {
        return jdbc.queryForList("select path from certificate_deployment where certificate_id = ? and kind = ? order by id",
                String.class, certificateId, kind.name()).stream().findFirst();
    }

    /** The paths of every file that holds the certificate with {@code fingerprint} (its key file included). */
    List<String> holding(String fingerprint) {
        return jdbc.queryForList("select distinct path from certificate_deployment where content_fingerprint = ? order by path",
                String.class, fingerprint);
    }
}
