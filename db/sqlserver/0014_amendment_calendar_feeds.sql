-- Amendments: secret calendar addresses of a unit's deadlines. Calendar programs cannot send a key, so the address
-- itself is the secret: only its SHA-256 is kept, as for API keys.
CREATE TABLE dbo.calendar_feed (
    id uniqueidentifier NOT NULL CONSTRAINT pk_calendar_feed PRIMARY KEY,
    unit_id uniqueidentifier NOT NULL,
    name nvarchar(200) NULL,
    token_hash nvarchar(64) NOT NULL,
    created_by_key_id uniqueidentifier NOT NULL,
    created_at datetimeoffset NOT NULL,
    revoked_at datetimeoffset NULL
);
CREATE UNIQUE INDEX ux_calendar_feed_token_hash ON dbo.calendar_feed (token_hash);
CREATE INDEX ix_calendar_feed_unit ON dbo.calendar_feed (unit_id, created_at, id);
