-- no-transaction
-- Queries read one snapshot (SNAPSHOT isolation), so a read of several statements agrees with itself and with its
-- ETag. ALTER DATABASE cannot run inside a transaction; both batches are idempotent, so a retry after a crash is safe.
IF (SELECT snapshot_isolation_state FROM sys.databases WHERE name = DB_NAME()) = 0
    ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;
GO
-- Webhook signing secrets are stored sealed with ASP.NET Core Data Protection: longer than the secret itself.
ALTER TABLE dbo.webhook_endpoint ALTER COLUMN secret nvarchar(1000) NOT NULL;
