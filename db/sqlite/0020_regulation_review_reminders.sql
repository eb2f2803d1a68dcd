-- Regulations: the reminders and escalations about review flags left open, one per review and tier, so several
-- instances and restarts decide each once.
CREATE TABLE regulation_review_reminder (
    id TEXT NOT NULL PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES regulation_review (id),
    tier TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_regulation_review_reminder_tier ON regulation_review_reminder (review_id, tier);
-- Open reviews by age, across every regulation, for the reminder round.
CREATE INDEX ix_regulation_review_open_flagged ON regulation_review (flagged_at, id) WHERE reviewed_at IS NULL;
