-- Amendments: secret calendar addresses of a unit's deadlines. Calendar programs cannot send a key, so the address
-- itself is the secret: only its SHA-256 is kept, as for API keys.
CREATE TABLE calendar_feed (
    id TEXT NOT NULL PRIMARY KEY,
    unit_id TEXT NOT NULL,
    name TEXT NULL,
    token_hash TEXT NOT NULL,
    created_by_key_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);
CREATE UNIQUE INDEX ux_calendar_feed_token_hash ON calendar_feed (token_hash);
CREATE INDEX ix_calendar_feed_unit ON calendar_feed (unit_id, created_at, id);
