package dev.tlsconsole.certificates;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InputRevisions;

/**
 * Tells the effective policy that what it asks the inventory about changed: bumps the certificates
 * revision in the changing transaction, so the facts snapshot and the cached resolution of every
 * instance are rebuilt (at once on this one, when the change commits). Called by every write that
 * changes what the engine may learn: certificates, revocations, CRLs, deployed files.
 */
@Component
public class CertificateChanges {

    private final InputRevisions revisions;

    CertificateChanges(InputRevisions revisions) {
        this.revisions = revisions;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed() {
        revisions.bump(InputRevisions.Input.CERTIFICATES);
    }
}
