-- Obstacles: what the period reports read, by time: triage outcomes by the instant they happened.
CREATE INDEX ix_obstacle_event_at ON obstacle_event (at, action);
