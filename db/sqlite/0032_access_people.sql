-- Access: the people who sign in to the staff pages, each of one unit with the roles API keys have. A removed person
-- stays (history names them) but no longer signs in; their address may then be given to someone else.
CREATE TABLE person (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES unit (id),
    roles TEXT NOT NULL,
    subject TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    removed_at TEXT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_person_email_key ON person (email_key) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX ux_person_subject ON person (subject) WHERE subject IS NOT NULL;
CREATE INDEX ix_person_unit_id ON person (unit_id, created_at, id);
CREATE INDEX ix_person_created_at ON person (created_at, id);
