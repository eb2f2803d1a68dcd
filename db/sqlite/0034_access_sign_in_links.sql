-- One-time sign-in links (the register's own sign-in when no identity provider is configured): only the token's
-- hash is kept; a link works once, before it expires.
CREATE TABLE sign_in_link (
    id TEXT NOT NULL PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id),
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT NULL
);
CREATE UNIQUE INDEX ux_sign_in_link_token_hash ON sign_in_link (token_hash);
CREATE INDEX ix_sign_in_link_person_id ON sign_in_link (person_id, created_at);
