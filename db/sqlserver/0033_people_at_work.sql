-- People at work: what a signed-in person does is recorded under the person (beside the unit), as a key's is under
-- the key. A person's report or check-in has no key, so the two key columns that were required become optional.
ALTER TABLE dbo.obstacle ALTER COLUMN reported_by_key_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle ADD reported_by_person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_progress ALTER COLUMN key_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_progress ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_event ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_comment ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_attachment ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_event ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_deadline ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.change_log ADD person_id uniqueidentifier NULL;

-- One-time sign-in links (the register's own sign-in when no identity provider is configured): only the token's
-- hash is kept; a link works once, before it expires.
CREATE TABLE dbo.sign_in_link (
    id uniqueidentifier NOT NULL CONSTRAINT pk_sign_in_link PRIMARY KEY,
    person_id uniqueidentifier NOT NULL CONSTRAINT fk_sign_in_link_person REFERENCES dbo.person (id),
    token_hash nvarchar(64) NOT NULL,
    created_at datetimeoffset NOT NULL,
    expires_at datetimeoffset NOT NULL,
    used_at datetimeoffset NULL
);
CREATE UNIQUE INDEX ux_sign_in_link_token_hash ON dbo.sign_in_link (token_hash);
CREATE INDEX ix_sign_in_link_person_id ON dbo.sign_in_link (person_id, created_at);
