-- A check value of the key-encryption key (KEK): HMAC-SHA256 of a fixed label under the KEK, never the
-- key itself. The first instance to start on a database records it; every later start compares, so an
-- instance given a different KEK refuses to start instead of failing on keys sealed by another instance.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE key_encryption_key_check (
    id          SMALLINT    NOT NULL,
    check_value VARCHAR(64) NOT NULL,
    recorded_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_key_encryption_key_check PRIMARY KEY (id),
    CONSTRAINT ck_key_encryption_key_check_single CHECK (id = 1)
);
