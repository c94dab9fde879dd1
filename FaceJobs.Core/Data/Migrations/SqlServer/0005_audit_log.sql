-- Who did what, for Admins: uploads, deletions (retention's included), watchlist changes, sign-ins, account changes
-- and dashboard job commands. Rows name what they touched ("photo 12") but hold none of its content, so a deleted
-- photo leaves only the record that it existed and who deleted it. Never updated; read newest (highest id) first.
CREATE TABLE dbo.audit_log (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at_utc         datetime2(3)   NOT NULL CONSTRAINT df_audit_log_at DEFAULT SYSUTCDATETIME(),
    actor          nvarchar(200)  NOT NULL,
    action         nvarchar(100)  NOT NULL,
    subject        nvarchar(200)  NULL,
    detail         nvarchar(2000) NULL,
    remote_address nvarchar(100)  NULL
);
