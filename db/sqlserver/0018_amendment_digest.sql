-- Amendments: the weekly digest decided for each drafting unit, once per unit and week (the date of the digest day that
-- starts it), so several instances and restarts queue one digest email per unit a week.
CREATE TABLE dbo.amendment_digest (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_digest PRIMARY KEY,
    unit_id uniqueidentifier NOT NULL,
    week_of date NOT NULL,
    item_count int NOT NULL,
    decided_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_amendment_digest_week ON dbo.amendment_digest (unit_id, week_of);
