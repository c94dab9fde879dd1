-- One photo per content hash, enforced by the database (two uploads of the same bytes at once used to make two
-- photos, each with its own pipeline and alerts). Photos already duplicated keep the first one, the photo a
-- re-upload has always been led to; the later copies go with their faces, matches and alert records (cascades).

DELETE FROM photos p
WHERE EXISTS (SELECT 1 FROM photos first WHERE first.content_hash = p.content_hash AND first.id < p.id);

DROP INDEX ix_photos_content_hash;

ALTER TABLE photos ADD CONSTRAINT ux_photos_content_hash UNIQUE (content_hash);
