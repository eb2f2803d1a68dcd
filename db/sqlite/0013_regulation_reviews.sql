-- Regulations: the reviews an amended, replaced or repealed document sets off in the documents that guide it
-- (following the guides graph), and their outcomes. A review is open until reviewed_at is set.
CREATE TABLE regulation_review (
    id TEXT NOT NULL PRIMARY KEY,
    regulation_id TEXT NOT NULL REFERENCES regulation (id),
    -- The document whose change set this review off (the one guided), the document that changed it, the amendment.
    changed_id TEXT NOT NULL,
    issued_regulation_id TEXT NOT NULL,
    amendment_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    -- 1 when the guided document was replaced or repealed: this one lapses with it unless declared to continue.
    lapses INTEGER NOT NULL,
    flagged_at TEXT NOT NULL,
    reviewed_at TEXT NULL,
    outcome TEXT NULL,
    outcome_amendment_id TEXT NULL,
    note TEXT NULL,
    reviewed_by_key_id TEXT NULL,
    reviewed_by_unit_id TEXT NULL
);
CREATE UNIQUE INDEX ux_regulation_review_cause ON regulation_review (regulation_id, amendment_id);
CREATE INDEX ix_regulation_review_regulation ON regulation_review (regulation_id, flagged_at, id);
CREATE INDEX ix_regulation_review_open ON regulation_review (regulation_id) WHERE reviewed_at IS NULL;
