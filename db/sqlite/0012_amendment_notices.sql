-- Amendments: the notices the register decided about late or silent work. One per amendment, tier and basis (the
-- due date a due-soon or overdue tier counts from, the last check-in a stale tier counts from), so several instances
-- and restarts decide each notice once, and a moved deadline starts its ladder again.
CREATE TABLE amendment_notice (
    id TEXT NOT NULL PRIMARY KEY,
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    tier TEXT NOT NULL,
    basis TEXT NOT NULL,
    audience TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_amendment_notice_tier ON amendment_notice (amendment_id, tier, basis);
-- Open work by its last check-in, for the stale tiers across every unit.
CREATE INDEX ix_amendment_open_progress ON amendment (last_progress_at, id) WHERE is_open = 1;
