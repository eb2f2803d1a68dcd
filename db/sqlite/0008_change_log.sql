-- Shared: every change to a resource, in commit order. The change feed reads it, and webhooks are delivered
-- from it: a change is written in the transaction that makes it, so it is never lost nor announced in vain.
CREATE TABLE change_log (
    -- The rowid: SQLite has one writer at a time, so insert order is commit order.
    position INTEGER NOT NULL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    resource TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    unit_id TEXT NULL,
    at TEXT NOT NULL
);
