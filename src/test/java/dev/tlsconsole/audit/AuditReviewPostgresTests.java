package dev.tlsconsole.audit;

import dev.tlsconsole.support.PostgresConsoleTest;

/** The audit review contract on a real PostgreSQL. */
@PostgresConsoleTest
class AuditReviewPostgresTests extends AuditReviewContract {
}
