-- Who did what, for Admins: uploads, deletions (retention's included), watchlist changes, sign-ins, account changes
-- and dashboard job commands. Rows name what they touched ("photo 12") but hold none of its content, so a deleted
-- photo leaves only the record that it existed and who deleted it. Never updated; read newest (highest id) first.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT,
    detail         TEXT,
    remote_address TEXT
) STRICT;
