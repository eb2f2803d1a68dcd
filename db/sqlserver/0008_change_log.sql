-- Shared: every change to a resource, in commit order. The change feed reads it, and webhooks are delivered
-- from it: a change is written in the transaction that makes it, so it is never lost nor announced in vain.
CREATE TABLE dbo.change_log (
    -- A rowversion, read only below MIN_ACTIVE_ROWVERSION(): a change still uncommitted holds back the ones
    -- after it, so a reader never skips one that commits late (an identity would not guarantee that).
    position rowversion NOT NULL CONSTRAINT uq_change_log_position UNIQUE CLUSTERED,
    id uniqueidentifier NOT NULL CONSTRAINT pk_change_log PRIMARY KEY NONCLUSTERED,
    type nvarchar(60) NOT NULL,
    resource nvarchar(30) NOT NULL,
    resource_id uniqueidentifier NOT NULL,
    unit_id uniqueidentifier NULL,
    at datetimeoffset NOT NULL
);
