-- Webhooks: the endpoints integrators registered, the deliveries owed to them, and every attempt.
CREATE TABLE webhook_endpoint (
    id TEXT NOT NULL PRIMARY KEY,
    url TEXT NOT NULL,
    -- ",obstacle.resolved,amendment.*," or ",*,": what the endpoint wants, comma-delimited for exact matching.
    event_types TEXT NOT NULL,
    unit_id TEXT NULL,
    description TEXT NULL,
    -- The signing secret must be read back to sign, so it cannot be hashed; the table is as private as the database.
    secret TEXT NOT NULL,
    status TEXT NOT NULL,
    disabled_reason TEXT NULL,
    -- The change log's position when it was registered: it is owed the changes after it, not the history before.
    from_position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_webhook_endpoint_status ON webhook_endpoint (status);
CREATE INDEX ix_webhook_endpoint_created_at ON webhook_endpoint (created_at, id);

-- How far the fan-out has read the change log.
CREATE TABLE webhook_cursor (
    name TEXT NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL
);
INSERT INTO webhook_cursor (name, position) VALUES ('fan_out', 0);

-- One delivery per change and endpoint: the message, kept until it is delivered or given up.
CREATE TABLE webhook_delivery (
    id TEXT NOT NULL PRIMARY KEY,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoint (id),
    change_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT NULL,
    last_status_code INTEGER NULL,
    last_error TEXT NULL,
    delivered_at TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_webhook_delivery_change ON webhook_delivery (endpoint_id, change_id);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at, id);

-- Every attempt: the delivery log an admin reads.
CREATE TABLE webhook_attempt (
    id TEXT NOT NULL PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES webhook_delivery (id),
    at TEXT NOT NULL,
    status_code INTEGER NULL,
    error TEXT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX ix_webhook_attempt_delivery_id ON webhook_attempt (delivery_id, at, id);
