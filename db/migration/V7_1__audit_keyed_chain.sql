-- The audit chain is keyed: each entry's hash is an HMAC-SHA256 under a key that does not live in the
-- database (derived from the key-encryption key, or console.audit.chain-key). hash_scheme says how an
-- entry's hash was made, so entries survive a key rotation: NULL = the former unkeyed SHA-256 (entries
-- written before this version), 'HMAC-SHA256:<key id>' = keyed, the key id naming which key.
ALTER TABLE audit_entry ADD COLUMN hash_scheme VARCHAR(40);
