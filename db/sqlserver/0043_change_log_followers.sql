-- The public feeds read the newest changes of one unit, or of a few resources (a regulation, its amendments and the
-- obstacles citing it), without walking the whole log back.
CREATE INDEX ix_change_log_unit_id ON dbo.change_log (unit_id, position);
CREATE INDEX ix_change_log_resource_id ON dbo.change_log (resource_id, position);
