-- Amendments: the notices the register decided about late or silent work. One per amendment, tier and basis (the
-- due date a due-soon or overdue tier counts from, the last check-in a stale tier counts from), so several instances
-- and restarts decide each notice once, and a moved deadline starts its ladder again.
CREATE TABLE dbo.amendment_notice (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_notice PRIMARY KEY,
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_notice_amendment REFERENCES dbo.amendment (id),
    tier nvarchar(40) NOT NULL,
    basis nvarchar(40) NOT NULL,
    audience nvarchar(100) NOT NULL,
    decided_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_amendment_notice_tier ON dbo.amendment_notice (amendment_id, tier, basis);
-- Open work by its last check-in, for the stale tiers across every unit.
CREATE INDEX ix_amendment_open_progress ON dbo.amendment (last_progress_at, id) WHERE is_open = 1;
