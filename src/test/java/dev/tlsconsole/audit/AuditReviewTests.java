package dev.tlsconsole.audit;

import dev.tlsconsole.support.ConsoleTest;

/** The audit review contract on the embedded H2 database. */
@ConsoleTest
class AuditReviewTests extends AuditReviewContract {
}
