-- Notifications: the email outbox. A row is queued in the transaction that decides it (a notice, a digest) and sent
-- after commit, outside any transaction, with retries. One email per source, so a restart or a second instance never
-- queues the same one twice. The message is rendered when sent, from its template and values (codes, not sentences).
CREATE TABLE notification_email (
    id TEXT NOT NULL PRIMARY KEY,
    source_id TEXT NOT NULL,
    template TEXT NOT NULL,
    recipients TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    skip_reason TEXT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT NULL,
    last_error TEXT NULL,
    sent_at TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_notification_email_source ON notification_email (source_id);
CREATE INDEX ix_notification_email_due ON notification_email (next_attempt_at, id) WHERE status = 'pending';
