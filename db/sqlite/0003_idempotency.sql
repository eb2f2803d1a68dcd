-- Shared: answers to requests sent with an Idempotency-Key, kept so a retry gets the same answer.
CREATE TABLE idempotency_record (
    id TEXT NOT NULL PRIMARY KEY,
    scope TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code INTEGER NULL,
    location TEXT NULL,
    etag TEXT NULL,
    body TEXT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT NULL
);
CREATE UNIQUE INDEX ux_idempotency_record_scope_key ON idempotency_record (scope, idem_key);
CREATE INDEX ix_idempotency_record_created_at ON idempotency_record (created_at);
