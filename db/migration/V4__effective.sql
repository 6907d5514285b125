-- Revision counters of what the effective policy is computed from. Every change to the topology
-- (and, later, to the certificate inventory) bumps its counter in the same transaction, so a console
-- instance knows with one cheap query whether its cached resolution is still current — also when
-- several instances behind a load balancer share one database. Portable SQL (H2 and PostgreSQL).
CREATE TABLE policy_input_revision (
    subject  VARCHAR(32) NOT NULL,
    revision BIGINT      NOT NULL,
    CONSTRAINT pk_policy_input_revision PRIMARY KEY (subject)
);
INSERT INTO policy_input_revision (subject, revision) VALUES ('TOPOLOGY', 0);
INSERT INTO policy_input_revision (subject, revision) VALUES ('CERTIFICATES', 0);
