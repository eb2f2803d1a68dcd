-- Amendments: where the responsible official is reached, for the notices about the work they answer for.
ALTER TABLE dbo.amendment ADD official_email nvarchar(254) NULL;
