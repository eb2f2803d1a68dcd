-- Readiness after a write met a full filegroup or log: the probe writes one row that needs room (a quarter of a
-- megabyte) and deletes it in the same transaction, and commits. The table is empty at rest.
CREATE TABLE dbo.storage_probe (
    id int NOT NULL CONSTRAINT pk_storage_probe PRIMARY KEY,
    filler varbinary(max) NOT NULL
);
