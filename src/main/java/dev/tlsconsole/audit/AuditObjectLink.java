package dev.tlsconsole.audit;

import java.util.Optional;

/**
 * Implemented by each feature for its object types, so an audit entry can link to the object it is
 * about while that object still exists — without the audit package knowing any feature.
 */
public interface AuditObjectLink {

    /** The object type this link serves. */
    AuditObjectType objectType();

    /** The UI path of the object, if it still exists. */
    Optional<String> path(String objectId, String objectName);
}
