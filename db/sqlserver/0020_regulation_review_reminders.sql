-- Regulations: the reminders and escalations about review flags left open, one per review and tier, so several
-- instances and restarts decide each once.
CREATE TABLE dbo.regulation_review_reminder (
    id uniqueidentifier NOT NULL CONSTRAINT pk_regulation_review_reminder PRIMARY KEY,
    review_id uniqueidentifier NOT NULL CONSTRAINT fk_regulation_review_reminder_review REFERENCES dbo.regulation_review (id),
    tier nvarchar(20) NOT NULL,
    decided_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_regulation_review_reminder_tier ON dbo.regulation_review_reminder (review_id, tier);
-- Open reviews by age, across every regulation, for the reminder round.
CREATE INDEX ix_regulation_review_open_flagged ON dbo.regulation_review (flagged_at, id) WHERE reviewed_at IS NULL;
