-- Access: where a unit is reached, for the notices about its work.
ALTER TABLE dbo.unit ADD contact_email nvarchar(254) NULL;
