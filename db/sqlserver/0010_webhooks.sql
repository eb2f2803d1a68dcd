-- Webhooks: the endpoints integrators registered, the deliveries owed to them, and every attempt.
CREATE TABLE dbo.webhook_endpoint (
    id uniqueidentifier NOT NULL CONSTRAINT pk_webhook_endpoint PRIMARY KEY,
    url nvarchar(2000) NOT NULL,
    -- ",obstacle.resolved,amendment.*," or ",*,": what the endpoint wants, comma-delimited for exact matching.
    event_types nvarchar(2000) NOT NULL,
    unit_id uniqueidentifier NULL,
    description nvarchar(500) NULL,
    -- The signing secret must be read back to sign, so it cannot be hashed; the table is as private as the database.
    secret nvarchar(100) NOT NULL,
    status nvarchar(20) NOT NULL,
    disabled_reason nvarchar(500) NULL,
    -- The change log's position when it was registered: it is owed the changes after it, not the history before.
    from_position bigint NOT NULL,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    version bigint NOT NULL
);
CREATE INDEX ix_webhook_endpoint_status ON dbo.webhook_endpoint (status);
CREATE INDEX ix_webhook_endpoint_created_at ON dbo.webhook_endpoint (created_at, id);

-- How far the fan-out has read the change log.
CREATE TABLE dbo.webhook_cursor (
    name nvarchar(20) NOT NULL CONSTRAINT pk_webhook_cursor PRIMARY KEY,
    position bigint NOT NULL
);
INSERT INTO dbo.webhook_cursor (name, position) VALUES (N'fan_out', 0);

-- One delivery per change and endpoint: the message, kept until it is delivered or given up.
CREATE TABLE dbo.webhook_delivery (
    id uniqueidentifier NOT NULL CONSTRAINT pk_webhook_delivery PRIMARY KEY,
    endpoint_id uniqueidentifier NOT NULL CONSTRAINT fk_webhook_delivery_endpoint REFERENCES dbo.webhook_endpoint (id),
    change_id uniqueidentifier NOT NULL,
    type nvarchar(60) NOT NULL,
    payload nvarchar(4000) NOT NULL,
    status nvarchar(20) NOT NULL,
    attempts int NOT NULL,
    next_attempt_at datetimeoffset NOT NULL,
    lease_until datetimeoffset NULL,
    last_status_code int NULL,
    last_error nvarchar(500) NULL,
    delivered_at datetimeoffset NULL,
    created_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_webhook_delivery_change ON dbo.webhook_delivery (endpoint_id, change_id);
CREATE INDEX ix_webhook_delivery_due ON dbo.webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON dbo.webhook_delivery (endpoint_id, created_at, id);

-- Every attempt: the delivery log an admin reads.
CREATE TABLE dbo.webhook_attempt (
    id uniqueidentifier NOT NULL CONSTRAINT pk_webhook_attempt PRIMARY KEY NONCLUSTERED,
    delivery_id uniqueidentifier NOT NULL CONSTRAINT fk_webhook_attempt_delivery REFERENCES dbo.webhook_delivery (id),
    at datetimeoffset NOT NULL,
    status_code int NULL,
    error nvarchar(500) NULL,
    duration_ms int NOT NULL
);
CREATE CLUSTERED INDEX ix_webhook_attempt_delivery_id ON dbo.webhook_attempt (delivery_id, at, id);
