-- Access: the people who sign in to the staff pages, each of one unit with the roles API keys have. A removed person
-- stays (history names them) but no longer signs in; their address may then be given to someone else.
CREATE TABLE dbo.person (
    id uniqueidentifier NOT NULL CONSTRAINT pk_person PRIMARY KEY NONCLUSTERED,
    email nvarchar(254) NOT NULL,
    email_key nvarchar(254) NOT NULL,
    name nvarchar(200) NOT NULL,
    unit_id uniqueidentifier NOT NULL CONSTRAINT fk_person_unit REFERENCES dbo.unit (id),
    roles nvarchar(100) NOT NULL,
    subject nvarchar(255) NULL,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    removed_at datetimeoffset NULL,
    version bigint NOT NULL
);
CREATE UNIQUE INDEX ux_person_email_key ON dbo.person (email_key) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX ux_person_subject ON dbo.person (subject) WHERE subject IS NOT NULL;
CREATE INDEX ix_person_unit_id ON dbo.person (unit_id, created_at, id);
CREATE CLUSTERED INDEX ix_person_created_at ON dbo.person (created_at, id);
