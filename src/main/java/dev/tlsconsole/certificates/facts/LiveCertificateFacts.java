package dev.tlsconsole.certificates.facts;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.policy.CertificateFacts;

/**
 * The inventory as the console's policy engine sees it (the {@link CertificateFacts} bean the effective
 * policy is resolved with): a {@link FactsSnapshot} kept in memory and reloaded when the certificates
 * revision moves. The revision is read through {@link InputRevisions#recent()}: a change committed on
 * this instance is seen at once, another instance's within 250 ms, and a bulk resolution (thousands of
 * questions) costs at most one revision query. Thread-safe.
 */
@Component
public class LiveCertificateFacts implements CertificateFacts {

    private final InventoryFacts inventory;
    private final InputRevisions revisions;
    private final Object reload = new Object();
    private volatile Loaded loaded;

    LiveCertificateFacts(InventoryFacts inventory, InputRevisions revisions) {
        this.inventory = inventory;
        this.revisions = revisions;
    }

    private record Loaded(long revision, FactsSnapshot snapshot) {
    }

    /** The snapshot for the current certificates revision. */
    FactsSnapshot current() {
        Loaded cached = loaded;
        if (cached != null && cached.revision() == revisions.recent().certificates()) {
            return cached.snapshot();
        }
        synchronized (reload) {
            // the exact revision, read before the rows: the snapshot is at least as new as the revision it is kept under
            long revision = revisions.current().certificates();
            cached = loaded;
            if (cached == null || cached.revision() != revision) {
                cached = new Loaded(revision, inventory.snapshot());
                loaded = cached;
            }
            return cached.snapshot();
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
