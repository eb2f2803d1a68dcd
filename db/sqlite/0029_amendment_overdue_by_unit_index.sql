-- Amendments: the overdue-as-of count per drafting unit, read in the unit's order. With only 0028's index (due day
-- first) SQLite sorts every overdue entry by unit in a temporary tree, half of the report's count at 1M obstacles;
-- with this one it skip-scans the few units and groups as it reads. 0028's index stays for counts over all units at
-- several dates at once (the site's trend), which read the due days in one range.
CREATE INDEX ix_amendment_overdue_by_unit ON amendment (drafting_unit_id, due_on, created_at, issued_on) WHERE status <> 'cancelled';

-- The skip-scan needs the index's statistics (how few units there are): a register analyzed before has none for a new
-- index, and nothing else refreshes them. This reads the one index; an empty register gets an empty statistics table.
ANALYZE ix_amendment_overdue_by_unit;
