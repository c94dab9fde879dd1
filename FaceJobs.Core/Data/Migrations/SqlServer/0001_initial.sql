-- Times are UTC datetime2; enums are their integer values. Text columns are nvarchar because Dapper sends
-- strings as nvarchar, and comparing an nvarchar parameter with a varchar column defeats the index.
-- Cascades: people and photos each reach matches and alert_deliveries by one path only, so SQL Server accepts them.

CREATE TABLE dbo.photo_content (
    content_hash nvarchar(128)  NOT NULL CONSTRAINT pk_photo_content PRIMARY KEY,
    bytes        varbinary(max) NOT NULL
);

CREATE TABLE dbo.photos (
    id               bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_photos PRIMARY KEY,
    content_hash     nvarchar(128) NOT NULL CONSTRAINT fk_photos_content REFERENCES dbo.photo_content (content_hash),
    file_name        nvarchar(400) NOT NULL,
    content_type     nvarchar(100) NOT NULL,
    width            int           NOT NULL,
    height           int           NOT NULL,
    byte_length      bigint        NOT NULL,
    uploaded_at_utc  datetime2(3)  NOT NULL CONSTRAINT df_photos_uploaded DEFAULT SYSUTCDATETIME(),
    detect_job_id    nvarchar(100) NULL,
    recognize_job_id nvarchar(100) NULL,
    alert_job_id     nvarchar(100) NULL,
    detect_status    int           NOT NULL CONSTRAINT df_photos_detect_status DEFAULT 0,
    recognize_status int           NOT NULL CONSTRAINT df_photos_recognize_status DEFAULT 0,
    alert_status     int           NOT NULL CONSTRAINT df_photos_alert_status DEFAULT 0,
    face_count       int           NULL,
    last_error       nvarchar(max) NULL
);

CREATE INDEX ix_photos_content_hash ON dbo.photos (content_hash);

CREATE TABLE dbo.faces (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_faces PRIMARY KEY,
    photo_id   bigint         NOT NULL CONSTRAINT fk_faces_photo REFERENCES dbo.photos (id) ON DELETE CASCADE,
    face_index int            NOT NULL,
    x          real           NOT NULL,
    y          real           NOT NULL,
    width      real           NOT NULL,
    height     real           NOT NULL,
    score      real           NOT NULL,
    keypoints  varbinary(max) NOT NULL,
    thumbnail  varbinary(max) NOT NULL,
    embedding  varbinary(max) NULL,
    CONSTRAINT ux_faces_photo_face_index UNIQUE (photo_id, face_index)
);

CREATE TABLE dbo.people (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_people PRIMARY KEY,
    name           nvarchar(200) NOT NULL,
    notes          nvarchar(max) NULL,
    created_at_utc datetime2(3)  NOT NULL CONSTRAINT df_people_created DEFAULT SYSUTCDATETIME()
);

CREATE INDEX ix_people_name ON dbo.people (name);

CREATE TABLE dbo.person_references (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_person_references PRIMARY KEY,
    person_id      bigint         NOT NULL CONSTRAINT fk_person_references_person REFERENCES dbo.people (id) ON DELETE CASCADE,
    content_hash   nvarchar(128)  NOT NULL CONSTRAINT fk_person_references_content REFERENCES dbo.photo_content (content_hash),
    file_name      nvarchar(400)  NOT NULL,
    status         int            NOT NULL CONSTRAINT df_person_references_status DEFAULT 0,
    job_id         nvarchar(100)  NULL,
    embedding      varbinary(max) NULL,
    thumbnail      varbinary(max) NULL,
    error          nvarchar(max)  NULL,
    created_at_utc datetime2(3)   NOT NULL CONSTRAINT df_person_references_created DEFAULT SYSUTCDATETIME()
);

CREATE INDEX ix_person_references_person ON dbo.person_references (person_id);

CREATE TABLE dbo.matches (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_matches PRIMARY KEY,
    face_id        bigint       NOT NULL CONSTRAINT fk_matches_face REFERENCES dbo.faces (id) ON DELETE CASCADE,
    person_id      bigint       NOT NULL CONSTRAINT fk_matches_person REFERENCES dbo.people (id) ON DELETE CASCADE,
    distance       real         NOT NULL,
    created_at_utc datetime2(3) NOT NULL CONSTRAINT df_matches_created DEFAULT SYSUTCDATETIME(),
    CONSTRAINT ux_matches_face_person UNIQUE (face_id, person_id)
);

CREATE INDEX ix_matches_person ON dbo.matches (person_id);

-- Keyed by face index, not face id: detection run again replaces the faces, and must not cause a second email.
CREATE TABLE dbo.alert_deliveries (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_alert_deliveries PRIMARY KEY,
    photo_id       bigint        NOT NULL CONSTRAINT fk_alert_deliveries_photo REFERENCES dbo.photos (id) ON DELETE CASCADE,
    face_index     int           NOT NULL,
    person_id      bigint        NOT NULL CONSTRAINT fk_alert_deliveries_person REFERENCES dbo.people (id) ON DELETE CASCADE,
    distance       real          NOT NULL,
    recipient      nvarchar(320) NOT NULL,
    status         int           NOT NULL,
    attempts       int           NOT NULL,
    last_error     nvarchar(max) NULL,
    message_id     nvarchar(400) NULL,
    updated_at_utc datetime2(3)  NOT NULL,
    CONSTRAINT ux_alert_deliveries_photo_face_person UNIQUE (photo_id, face_index, person_id)
);

CREATE INDEX ix_alert_deliveries_person ON dbo.alert_deliveries (person_id);
CREATE INDEX ix_alert_deliveries_updated ON dbo.alert_deliveries (updated_at_utc DESC, id DESC);
