-- Obstacles: the notices the register decided about reports left waiting. One per report, tier and wait (basis: the
-- instant the wait began), so several instances and restarts decide each once, and a report given back to the
-- coordinators starts its ladder again.
CREATE TABLE dbo.obstacle_notice (
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle_notice PRIMARY KEY,
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_notice_obstacle REFERENCES dbo.obstacle (id),
    tier nvarchar(40) NOT NULL,
    basis nvarchar(40) NOT NULL,
    decided_at datetimeoffset NOT NULL
);
CREATE UNIQUE INDEX ux_obstacle_notice_tier ON dbo.obstacle_notice (obstacle_id, tier, basis);
-- A question waits for the reporting unit from the moment it is asked: awaiting_answer_since now marks every wait,
-- the coordinators' (submitted) and the unit's (needs_information). Questions open now take theirs from history.
UPDATE o SET awaiting_answer_since = COALESCE(
    (SELECT MAX(e.at) FROM dbo.obstacle_event e WHERE e.obstacle_id = o.id AND e.to_status = 'needs_information'), o.updated_at)
FROM dbo.obstacle o
WHERE o.status = 'needs_information';
DROP INDEX ix_obstacle_awaiting_answer ON dbo.obstacle;
CREATE INDEX ix_obstacle_awaiting_answer ON dbo.obstacle (status, awaiting_answer_since, id) WHERE status IN ('submitted', 'needs_information');
