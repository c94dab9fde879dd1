-- Times are UTC ISO-8601 text; enums are their integer values. AUTOINCREMENT so an id is never reused after a
-- delete (faces are replaced on every detection run), as with SQL Server's IDENTITY.

CREATE TABLE photo_content (
    content_hash TEXT NOT NULL PRIMARY KEY,
    bytes        BLOB NOT NULL
) STRICT;

CREATE TABLE photos (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash     TEXT    NOT NULL REFERENCES photo_content (content_hash),
    file_name        TEXT    NOT NULL,
    content_type     TEXT    NOT NULL,
    width            INTEGER NOT NULL,
    height           INTEGER NOT NULL,
    byte_length      INTEGER NOT NULL,
    uploaded_at_utc  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    detect_job_id    TEXT,
    recognize_job_id TEXT,
    alert_job_id     TEXT,
    detect_status    INTEGER NOT NULL DEFAULT 0,
    recognize_status INTEGER NOT NULL DEFAULT 0,
    alert_status     INTEGER NOT NULL DEFAULT 0,
    face_count       INTEGER,
    last_error       TEXT
) STRICT;

CREATE INDEX ix_photos_content_hash ON photos (content_hash);

CREATE TABLE faces (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    photo_id   INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    face_index INTEGER NOT NULL,
    x          REAL    NOT NULL,
    y          REAL    NOT NULL,
    width      REAL    NOT NULL,
    height     REAL    NOT NULL,
    score      REAL    NOT NULL,
    keypoints  BLOB    NOT NULL,
    thumbnail  BLOB    NOT NULL,
    embedding  BLOB,
    CONSTRAINT ux_faces_photo_face_index UNIQUE (photo_id, face_index)
) STRICT;

CREATE TABLE people (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    notes          TEXT,
    created_at_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX ix_people_name ON people (name);

CREATE TABLE person_references (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    content_hash   TEXT    NOT NULL REFERENCES photo_content (content_hash),
    file_name      TEXT    NOT NULL,
    status         INTEGER NOT NULL DEFAULT 0,
    job_id         TEXT,
    embedding      BLOB,
    thumbnail      BLOB,
    error          TEXT,
    created_at_utc TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX ix_person_references_person ON person_references (person_id);

CREATE TABLE matches (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    face_id        INTEGER NOT NULL REFERENCES faces (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    distance       REAL    NOT NULL,
    created_at_utc TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT ux_matches_face_person UNIQUE (face_id, person_id)
) STRICT;

CREATE INDEX ix_matches_person ON matches (person_id);

-- Keyed by face index, not face id: detection run again replaces the faces, and must not cause a second email.
CREATE TABLE alert_deliveries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    photo_id       INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    face_index     INTEGER NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    distance       REAL    NOT NULL,
    recipient      TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    attempts       INTEGER NOT NULL,
    last_error     TEXT,
    message_id     TEXT,
    updated_at_utc TEXT    NOT NULL,
    CONSTRAINT ux_alert_deliveries_photo_face_person UNIQUE (photo_id, face_index, person_id)
) STRICT;

CREATE INDEX ix_alert_deliveries_person ON alert_deliveries (person_id);
CREATE INDEX ix_alert_deliveries_updated ON alert_deliveries (updated_at_utc DESC, id DESC);
