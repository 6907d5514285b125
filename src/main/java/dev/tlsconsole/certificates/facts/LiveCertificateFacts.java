package dev.tlsconsole.certificates.facts;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.policy.CertificateFacts;

/**
 * The inventory as the console's policy engine sees it (the {@link CertificateFacts} bean the effective
 * policy is resolved with): a {@link FactsSnapshot} kept in memory and reloaded when the certificates
 * revision moves. A change made on this instance drops the snapshot as it commits ({@link #invalidate});
 * a change made by another instance is noticed at the next revision check, done at most every
 * {@value #CHECK_INTERVAL_MILLIS} ms so that a bulk resolution (thousands of questions) asks the
 * database once. The snapshot is never older than the revision a resolution records, except for that
 * short interval after another instance's change, which the effective-policy cache's periodic refresh
 * covers. Thread-safe.
 */
@Component
public class LiveCertificateFacts implements CertificateFacts {

    static final long CHECK_INTERVAL_MILLIS = 250;

    private final InventoryFacts inventory;
    private final InputRevisions revisions;
    private final Object reload = new Object();
    private volatile Loaded loaded;

    LiveCertificateFacts(InventoryFacts inventory, InputRevisions revisions) {
        this.inventory = inventory;
        this.revisions = revisions;
    }

    private record Loaded(long revision, FactsSnapshot snapshot, long checkedAtNanos) {
    }

    /** Drops the snapshot: the next question reloads it. Called after a certificate change commits. */
    public void invalidate() {
        loaded = null;
    }

    /** The snapshot for the current certificates revision. */
    FactsSnapshot current() {
        long now = System.nanoTime();
        Loaded cached = loaded;
        if (cached != null && now - cached.checkedAtNanos() < CHECK_INTERVAL_MILLIS * 1_000_000) {
            return cached.snapshot();
        }
        synchronized (reload) {
            cached = loaded;
            long revision = revisions.current().certificates();
            if (cached != null && cached.revision() == revision) {
                loaded = new Loaded(revision, cached.snapshot(), now);
                return cached.snapshot();
            }
            // the revision is read before the rows: the snapshot is at least as new as the revision it is kept under
            Loaded fresh = new Loaded(revision, inventory.snapshot(), now);
            loaded = fresh;
            return fresh.snapshot();
        }
    }

    @Override
    public Optional<KnownCertificate> certificate(String certificateValue) {
        return current().certificate(certificateValue);
    }

    @Override
    public Trust trust(String trustedCaValue, KnownCertificate certificate) {
        return current().trust(trustedCaValue, certificate);
    }

    @Override
    public NameMatch matchesName(KnownCertificate certificate, String expectedName) {
        return current().matchesName(certificate, expectedName);
    }

    @Override
    public Revocation revocation(KnownCertificate certificate, Optional<String> crlValue) {
        return current().revocation(certificate, crlValue);
    }
}
