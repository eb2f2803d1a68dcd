-- What an issued document does to an earlier one (amends, replaces, repeals, …), so each shows the other.
CREATE TABLE dbo.regulation_change (
    regulation_id uniqueidentifier NOT NULL CONSTRAINT fk_regulation_change_regulation REFERENCES dbo.regulation (id),
    target_id uniqueidentifier NOT NULL CONSTRAINT fk_regulation_change_target REFERENCES dbo.regulation (id),
    relation nvarchar(30) NOT NULL,
    CONSTRAINT pk_regulation_change PRIMARY KEY (regulation_id, target_id)
);
CREATE INDEX ix_regulation_change_target_id ON dbo.regulation_change (target_id);
