-- API keys of accounts. key_id is the non-secret part of a key, for finding it; only the SHA-256 of the whole key is
-- kept (a key is 256 random bits, so a fast hash is enough). A key goes with its account.
CREATE TABLE api_keys (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id        INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key_id            TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    secret_hash       BLOB    NOT NULL,
    created_at_utc    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used_at_utc  TEXT,
    revoked_at_utc    TEXT,
    CONSTRAINT ux_api_keys_key_id UNIQUE (key_id)
) STRICT;

CREATE INDEX ix_api_keys_account_id ON api_keys (account_id);
