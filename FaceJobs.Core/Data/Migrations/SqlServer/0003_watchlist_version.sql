-- One row counting changes to the set of enrolled references, so a process caching the watchlist checks one row per
-- job instead of reading every descriptor. Bumped in the transaction that enrolls a reference or removes a person.
CREATE TABLE dbo.watchlist_version (
    id      int    NOT NULL CONSTRAINT pk_watchlist_version PRIMARY KEY CONSTRAINT ck_watchlist_version_single CHECK (id = 1),
    version bigint NOT NULL
);

INSERT INTO dbo.watchlist_version (id, version) VALUES (1, 0);
