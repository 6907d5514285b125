/**
 * The audit trail: a hash-chained, append-only record of every change and every refused attempt.
 *
 * <h2>One entry per request: how the four writers cooperate</h2>
 * The vocabulary is {@link dev.tlsconsole.audit.AuditAction} (which names its
 * {@link dev.tlsconsole.audit.AuditObjectType}); every mutating service method carries
 * {@link dev.tlsconsole.audit.Audited} with one of them. Four writers share the work, and each knows
 * when another has spoken:
 * <ol>
 *   <li><b>The audited method</b> writes the SUCCESS entry itself, inside its transaction (it alone knows
 *       the before and after states), with {@link dev.tlsconsole.audit.AuditRecord#success(Object, String, Object, Object)}:
 *       action, object type and — unless it passes one — object id come from the {@code @Audited}
 *       running on this thread ({@code ActiveAudit}), so the entry cannot name another action.</li>
 *   <li><b>{@code AuditedOperationInterceptor}</b> wraps the outermost audited call: an exception becomes one
 *       FAILURE entry in a transaction of its own (the method's own transaction rolls back, success entry
 *       included). Nested audited calls inside that transaction write their success entries but leave the
 *       outcome to the outermost call.</li>
 *   <li><b>The security layer</b> ({@code AuditingAccessDeniedHandler}, the login and logout listeners, the API
 *       token filter) writes DENIED and sign-in entries. A denial inside an audited method is not written by
 *       the interceptor: it leaves a {@link dev.tlsconsole.audit.DeniedOperation} on the request, so the
 *       handler writes one entry under the operation's own action.</li>
 *   <li><b>{@code AuditCoverageFilter}</b> writes a FAILURE entry for a mutating API request that was rejected
 *       before any of the above ran (malformed JSON, unknown path, no credentials). It knows whether one was
 *       written from {@link dev.tlsconsole.audit.AuditTrail#RECORDED_ATTRIBUTE}, which every write sets on the request.</li>
 * </ol>
 *
 * <p>The package depends on no feature: features link entries to their pages through
 * {@link dev.tlsconsole.audit.AuditObjectLink}.
 */
package dev.tlsconsole.audit;
