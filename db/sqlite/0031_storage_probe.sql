-- Readiness after a write met a full disk: the probe writes one row that needs room (a quarter of a megabyte) and
-- deletes it in the same transaction, and commits. The table is empty at rest.
CREATE TABLE storage_probe (
    id INTEGER NOT NULL PRIMARY KEY,
    filler BLOB NOT NULL
);
