-- no-transaction: SQL Server refuses CREATE FULLTEXT CATALOG and INDEX inside a user transaction,
-- so each batch below runs on its own and checks whether its work is already done.
-- Obstacles' full-text index: folded title and description (no diacritics, đ as d), keyed by obstacle.seq.
-- Needs the Full-Text Search feature (see docs/operations.md).
IF OBJECT_ID(N'dbo.obstacle_search', N'U') IS NULL
CREATE TABLE dbo.obstacle_search (
    doc_key bigint NOT NULL CONSTRAINT pk_obstacle_search PRIMARY KEY,
    text nvarchar(max) NOT NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'obstacle_register_catalog')
CREATE FULLTEXT CATALOG obstacle_register_catalog;
GO
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'dbo.obstacle_search'))
CREATE FULLTEXT INDEX ON dbo.obstacle_search (text LANGUAGE 0)
    KEY INDEX pk_obstacle_search ON obstacle_register_catalog
    WITH CHANGE_TRACKING AUTO, STOPLIST = OFF;
