package dev.tlsconsole.certificates;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.certificates.facts.LiveCertificateFacts;

/**
 * Tells the effective policy that what it asks the inventory about changed: bumps the certificates
 * revision in the changing transaction (so every instance recomputes) and drops this instance's facts
 * snapshot once the change commits. Called by every write that changes what the engine may learn:
 * certificates, revocations, CRLs, deployed files.
 */
@Component
public class CertificateChanges {

    private final InputRevisions revisions;
    private final LiveCertificateFacts facts;

    CertificateChanges(InputRevisions revisions, LiveCertificateFacts facts) {
        this.revisions = revisions;
        this.facts = facts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed() {
        revisions.bump(InputRevisions.Input.CERTIFICATES);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                facts.invalidate();
            }
        });
    }
}
