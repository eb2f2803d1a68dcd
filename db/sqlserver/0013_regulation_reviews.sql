-- Regulations: the reviews an amended, replaced or repealed document sets off in the documents that guide it
-- (following the guides graph), and their outcomes. A review is open until reviewed_at is set.
CREATE TABLE dbo.regulation_review (
    id uniqueidentifier NOT NULL CONSTRAINT pk_regulation_review PRIMARY KEY,
    regulation_id uniqueidentifier NOT NULL CONSTRAINT fk_regulation_review_regulation REFERENCES dbo.regulation (id),
    -- The document whose change set this review off (the one guided), the document that changed it, the amendment.
    changed_id uniqueidentifier NOT NULL,
    issued_regulation_id uniqueidentifier NOT NULL,
    amendment_id uniqueidentifier NOT NULL,
    relation nvarchar(30) NOT NULL,
    -- 1 when the guided document was replaced or repealed: this one lapses with it unless declared to continue.
    lapses bit NOT NULL,
    flagged_at datetimeoffset NOT NULL,
    reviewed_at datetimeoffset NULL,
    outcome nvarchar(30) NULL,
    outcome_amendment_id uniqueidentifier NULL,
    note nvarchar(2000) NULL,
    reviewed_by_key_id uniqueidentifier NULL,
    reviewed_by_unit_id uniqueidentifier NULL
);
CREATE UNIQUE INDEX ux_regulation_review_cause ON dbo.regulation_review (regulation_id, amendment_id);
CREATE INDEX ix_regulation_review_regulation ON dbo.regulation_review (regulation_id, flagged_at, id);
CREATE INDEX ix_regulation_review_open ON dbo.regulation_review (regulation_id) WHERE reviewed_at IS NULL;
