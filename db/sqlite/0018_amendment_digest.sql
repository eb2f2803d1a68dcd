-- Amendments: the weekly digest decided for each drafting unit, once per unit and week (the date of the digest day that
-- starts it), so several instances and restarts queue one digest email per unit a week.
CREATE TABLE amendment_digest (
    id TEXT NOT NULL PRIMARY KEY,
    unit_id TEXT NOT NULL,
    week_of TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_amendment_digest_week ON amendment_digest (unit_id, week_of);
