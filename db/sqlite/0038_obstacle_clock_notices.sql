-- Obstacles: the notices the register decided about reports left waiting. One per report, tier and wait (basis: the
-- instant the wait began), so several instances and restarts decide each once, and a report given back to the
-- coordinators starts its ladder again.
CREATE TABLE obstacle_notice (
    id TEXT NOT NULL PRIMARY KEY,
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    tier TEXT NOT NULL,
    basis TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_obstacle_notice_tier ON obstacle_notice (obstacle_id, tier, basis);
-- A question waits for the reporting unit from the moment it is asked: awaiting_answer_since now marks every wait,
-- the coordinators' (submitted) and the unit's (needs_information). Questions open now take theirs from history.
UPDATE obstacle SET awaiting_answer_since = COALESCE(
    (SELECT MAX(e.at) FROM obstacle_event e WHERE e.obstacle_id = obstacle.id AND e.to_status = 'needs_information'), updated_at)
WHERE status = 'needs_information';
DROP INDEX ix_obstacle_awaiting_answer;
CREATE INDEX ix_obstacle_awaiting_answer ON obstacle (status, awaiting_answer_since, id) WHERE status IN ('submitted', 'needs_information');
