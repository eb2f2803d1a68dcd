-- Webhooks: the form an endpoint's deliveries take, the register's own envelope (the default, unchanged for every
-- endpoint registered before) or a CloudEvents 1.0 structured JSON event.
ALTER TABLE dbo.webhook_endpoint ADD format nvarchar(20) NOT NULL CONSTRAINT df_webhook_endpoint_format DEFAULT 'register';
