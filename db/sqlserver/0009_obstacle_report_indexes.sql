-- Obstacles: what the period reports read, by time, from indexes alone: triage outcomes by the instant they
-- happened (with the obstacle id, for the join), reports received by instant (with unit, status and id), an
-- obstacle's unit by its id, and the regulations an obstacle cites. Each costs every intake one more index entry;
-- the weekly report's budget buys it (bench/README.md).
CREATE INDEX ix_obstacle_event_at ON dbo.obstacle_event (at, action, obstacle_id);
CREATE INDEX ix_obstacle_created_unit ON dbo.obstacle (created_at, unit_id, status, id);
CREATE INDEX ix_obstacle_id_unit ON dbo.obstacle (id, unit_id);
CREATE INDEX ix_obstacle_regulation_obstacle ON dbo.obstacle_regulation (obstacle_id, regulation_id);
