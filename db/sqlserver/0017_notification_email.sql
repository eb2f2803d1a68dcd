-- Notifications: the email outbox. A row is queued in the transaction that decides it (a notice, a digest) and sent
-- after commit, outside any transaction, with retries. One email per source, so a restart or a second instance never
-- queues the same one twice. The message is rendered when sent, from its template and values (codes, not sentences).
CREATE TABLE dbo.notification_email (
    id uniqueidentifier NOT NULL CONSTRAINT pk_notification_email PRIMARY KEY,
    source_id uniqueidentifier NOT NULL,
    template nvarchar(40) NOT NULL,
    recipients nvarchar(2000) NOT NULL,
    content nvarchar(max) NOT NULL,
    status nvarchar(20) NOT NULL,
    skip_reason nvarchar(20) NULL,
    attempts int NOT NULL,
    next_attempt_at datetimeoffset NOT NULL,
    lease_until datetimeoffset NULL,
    last_error nvarchar(500) NULL,
    sent_at datetimeoffset NULL,
    created_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_notification_email_source ON dbo.notification_email (source_id);
CREATE INDEX ix_notification_email_due ON dbo.notification_email (next_attempt_at, id) WHERE status = 'pending';
