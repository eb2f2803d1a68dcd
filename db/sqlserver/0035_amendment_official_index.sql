-- Amendments: a responsible official's open work, found by their address as typed in any case, through an index on the
-- address folded once when the amendment is opened rather than LOWER() of every open amendment's. The new column is
-- filled and indexed in later batches: a batch cannot name a column it adds.
ALTER TABLE dbo.amendment ADD official_email_key nvarchar(254) NULL;
GO
UPDATE dbo.amendment SET official_email_key = LOWER(LTRIM(RTRIM(official_email))) WHERE official_email IS NOT NULL;
GO
CREATE INDEX ix_amendment_official_open ON dbo.amendment (official_email_key, due_on, id) WHERE is_open = 1;
