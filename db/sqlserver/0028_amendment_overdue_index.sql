-- Amendments: what the report's overdue-as-of count reads, in one index (due day first, then the columns it tests and
-- groups by), so the count walks index entries instead of the amendments' rows. Cancelled ones never count.
CREATE INDEX ix_amendment_overdue ON dbo.amendment (due_on) INCLUDE (drafting_unit_id, created_at, issued_on) WHERE status <> 'cancelled';
