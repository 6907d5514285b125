/**
 * The topology: hosts, applications with their listening ports, connections, and the TLS options set
 * on each of them. Sub-packages hold one object each ({@code host}, {@code application},
 * {@code connection}) and depend on each other one way only (connection → application → host);
 * {@code bulk} (export, import, demo data) depends on all three. This package holds what they share:
 * option and name rules, the neighbourhood queries and the bulk {@link dev.tlsconsole.topology.TopologyReader}
 * the policy engine builds its snapshot from.
 *
 * <h2>The shape of a feature package</h2>
 * Each object's package ({@code host}, {@code application}, {@code connection}, and the certificates
 * packages {@code inventory}, {@code crl}, {@code authority}) splits the same way, by these name endings:
 * <ul>
 * <li>{@code Xxx} — the JPA entity and {@code XxxRepository}; never used outside the package's feature.</li>
 * <li>{@code XxxCommands} — the records: requests ({@code NewXxx}, {@code XxxChange}) and views ({@code XxxView}).</li>
 * <li>{@code XxxRules} — the pure checks of one object (no database), all problems at once.</li>
 * <li>{@code XxxService} — the changes: {@code @Transactional}, {@code @Audited}, OPERATOR (or ADMIN) only.</li>
 * <li>{@code XxxReads} — what any signed-in user may read; {@code @PreAuthorize("isAuthenticated()")} and
 * {@code @Transactional(readOnly = true)} once, at class level.</li>
 * <li>{@code XxxController} — the UI screens; {@code XxxPages} fills the model of a page that several
 * handlers render (after a GET, after a refused save), so each handler stays a few lines.</li>
 * <li>{@code XxxApiController} — the REST resource under {@code /api/v1}.</li>
 * <li>{@code XxxForm} — the form backing object of the UI.</li>
 * </ul>
 * A POST handler of a form runs its service call through {@link dev.tlsconsole.web.FormSubmission}
 * (problems next to the fields, the input kept, a conflict panel or screen); a button that only changes
 * the form (add a row, convert text) is its own handler selected by {@code params = "op=..."}. Paths of
 * object pages come from {@link dev.tlsconsole.web.ObjectLinks}.
 */
package dev.tlsconsole.topology;
