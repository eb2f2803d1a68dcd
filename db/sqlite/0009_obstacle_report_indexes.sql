-- Obstacles: what the period reports read, by time, without touching the obstacle rows: triage outcomes by the
-- instant they happened (with the obstacle id, for the join), reports received by instant with unit and status, and
-- an obstacle's unit by its id. Each costs every intake one more index entry; the weekly report's budget buys it.
CREATE INDEX ix_obstacle_event_at ON obstacle_event (at, action, obstacle_id);
CREATE INDEX ix_obstacle_created_unit ON obstacle (created_at, unit_id, status);
CREATE INDEX ix_obstacle_id_unit ON obstacle (id, unit_id);
