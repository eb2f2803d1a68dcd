-- Amendments: the overdue-as-of count for one drafting unit seeks its unit and due days here, with the columns it
-- tests included; the count over all units keeps reading 0028's index by due day.
CREATE INDEX ix_amendment_overdue_by_unit ON dbo.amendment (drafting_unit_id, due_on) INCLUDE (created_at, issued_on) WHERE status <> 'cancelled';
