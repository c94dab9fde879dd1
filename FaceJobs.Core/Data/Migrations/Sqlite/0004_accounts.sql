-- Accounts that sign in. name_key is the lower-cased name: unique, so names differ by more than case.
CREATE TABLE accounts (
    id                        INTEGER PRIMARY KEY AUTOINCREMENT,
    name                      TEXT    NOT NULL,
    name_key                  TEXT    NOT NULL,
    role                      INTEGER NOT NULL,
    password_hash             TEXT    NOT NULL,
    security_stamp            TEXT    NOT NULL,
    failed_sign_ins           INTEGER NOT NULL DEFAULT 0,
    locked_until_unix_seconds INTEGER,
    created_at_utc            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT ux_accounts_name_key UNIQUE (name_key)
) STRICT;
