package dev.tlsconsole.certificates.inventory;

import java.util.List;

/**
 * Who uses a certificate, asked before it is deleted. Implemented where the topology is known (the
 * assignment side of the feature), so the inventory stays independent of it.
 */
public interface CertificateUsers {

    /** Readable names of the objects whose options reference the certificate; empty when none. */
    List<String> of(long certificateId);
}
