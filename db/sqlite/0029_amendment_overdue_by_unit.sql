-- Amendments: the overdue-as-of count's index with the drafting unit first. SQLite reads the due days below the as-of
-- date unit by unit (a skip-scan over the few units) and groups in the index's order; with the due day first it had to
-- sort every overdue entry by unit in a temporary tree, which was half of the count's time at 1M obstacles. A unit's
-- own report seeks its unit directly.
DROP INDEX ix_amendment_overdue;
CREATE INDEX ix_amendment_overdue ON amendment (drafting_unit_id, due_on, created_at, issued_on) WHERE status <> 'cancelled';
