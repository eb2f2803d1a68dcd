-- Access: units (ministries, agencies, provinces, communes) and the API keys that act for them.
CREATE TABLE unit (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT NULL REFERENCES unit (id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_unit_code ON unit (code);
CREATE INDEX ix_unit_parent_id ON unit (parent_id);

CREATE TABLE api_key (
    id TEXT NOT NULL PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES unit (id),
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by_key_id TEXT NULL,
    revoked_at TEXT NULL
);
CREATE UNIQUE INDEX ux_api_key_secret_hash ON api_key (secret_hash);
CREATE INDEX ix_api_key_unit_id ON api_key (unit_id, created_at, id);
CREATE INDEX ix_api_key_created_at ON api_key (created_at, id);
