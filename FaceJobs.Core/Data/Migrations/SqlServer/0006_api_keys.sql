-- API keys of accounts. key_id is the non-secret part of a key, for finding it; only the SHA-256 of the whole key is
-- kept (a key is 256 random bits, so a fast hash is enough). A key goes with its account.
CREATE TABLE dbo.api_keys (
    id                bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    account_id        bigint         NOT NULL CONSTRAINT fk_api_keys_account REFERENCES dbo.accounts (id) ON DELETE CASCADE,
    key_id            nvarchar(32)   NOT NULL CONSTRAINT ux_api_keys_key_id UNIQUE,
    name              nvarchar(200)  NOT NULL,
    secret_hash       varbinary(32)  NOT NULL,
    created_at_utc    datetime2(3)   NOT NULL CONSTRAINT df_api_keys_created DEFAULT SYSUTCDATETIME(),
    last_used_at_utc  datetime2(3)   NULL,
    revoked_at_utc    datetime2(3)   NULL
);

CREATE INDEX ix_api_keys_account_id ON dbo.api_keys (account_id);
