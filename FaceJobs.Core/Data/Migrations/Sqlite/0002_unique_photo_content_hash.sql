-- One photo per content hash, enforced by the database (two uploads of the same bytes at once used to make two
-- photos, each with its own pipeline and alerts). Photos already duplicated keep the first one, the photo a
-- re-upload has always been led to; the later copies go with their faces, matches and alert records.

DELETE FROM photos
WHERE EXISTS (SELECT 1 FROM photos first WHERE first.content_hash = photos.content_hash AND first.id < photos.id);

DROP INDEX ix_photos_content_hash;

CREATE UNIQUE INDEX ux_photos_content_hash ON photos (content_hash);
