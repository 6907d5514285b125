-- Issue 12 (GENESYS-TLS-REFERENCE.md §8 A1, C6). Native Genesys applications read TLS options from the
-- connection / port transport, the Application's options [security], the Application's ANNEX
-- [security], then the Host annex [security]: the application annex gets its own option table, shaped
-- like application_option (only what was set at that level). Hosts get a free-text OS version
-- ("Windows Server 2019", "RHEL 8"): on Windows it decides whether TLS 1.3 exists at all.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE application_annex_option (
    application_id BIGINT        NOT NULL,
    option_key     VARCHAR(255)  NOT NULL,
    option_value   VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_application_annex_option PRIMARY KEY (application_id, option_key),
    CONSTRAINT fk_application_annex_option_application FOREIGN KEY (application_id) REFERENCES application (id) ON DELETE CASCADE
);

ALTER TABLE host ADD COLUMN os_version VARCHAR(100);
