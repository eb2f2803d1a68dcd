-- Shared: answers to requests sent with an Idempotency-Key, kept so a retry gets the same answer.
CREATE TABLE dbo.idempotency_record (
    id uniqueidentifier NOT NULL CONSTRAINT pk_idempotency_record PRIMARY KEY NONCLUSTERED,
    scope nvarchar(80) NOT NULL,
    idem_key nvarchar(255) NOT NULL,
    request_hash nvarchar(64) NOT NULL,
    state nvarchar(16) NOT NULL,
    status_code int NULL,
    location nvarchar(400) NULL,
    etag nvarchar(40) NULL,
    body nvarchar(max) NULL,
    created_at datetimeoffset NOT NULL,
    completed_at datetimeoffset NULL
);
CREATE UNIQUE INDEX ux_idempotency_record_scope_key ON dbo.idempotency_record (scope, idem_key);
CREATE CLUSTERED INDEX ix_idempotency_record_created_at ON dbo.idempotency_record (created_at);
