-- One row counting changes to the set of enrolled references, so a process caching the watchlist checks one row per
-- job instead of reading every descriptor. Bumped in the transaction that enrolls a reference or removes a person.
CREATE TABLE watchlist_version (
    id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
    version bigint  NOT NULL
);

INSERT INTO watchlist_version (id, version) VALUES (1, 0);
