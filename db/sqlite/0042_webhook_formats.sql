-- Webhooks: the form an endpoint's deliveries take, the register's own envelope (the default, unchanged for every
-- endpoint registered before) or a CloudEvents 1.0 structured JSON event.
ALTER TABLE webhook_endpoint ADD COLUMN format TEXT NOT NULL DEFAULT 'register';
