-- Accounts that sign in. name_key is the lower-cased name: unique, so names differ by more than case.
CREATE TABLE dbo.accounts (
    id                        bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_accounts PRIMARY KEY,
    name                      nvarchar(200) NOT NULL,
    name_key                  nvarchar(200) NOT NULL CONSTRAINT ux_accounts_name_key UNIQUE,
    role                      int           NOT NULL,
    password_hash             nvarchar(400) NOT NULL,
    security_stamp            nvarchar(100) NOT NULL,
    failed_sign_ins           int           NOT NULL CONSTRAINT df_accounts_failed_sign_ins DEFAULT 0,
    locked_until_unix_seconds bigint        NULL,
    created_at_utc            datetime2(3)  NOT NULL CONSTRAINT df_accounts_created DEFAULT SYSUTCDATETIME()
);
