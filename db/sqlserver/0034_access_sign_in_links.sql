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
