-- Obstacles: each resolution with the days it took (from the report to the resolving step, as the median reads it),
-- kept in the transaction that resolves, so a period's median sorts that period's resolutions without reading every
-- obstacle they belong to.
CREATE TABLE obstacle_resolution (
    at TEXT NOT NULL,
    event_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    days REAL NOT NULL,
    PRIMARY KEY (at, event_id)
) WITHOUT ROWID;
CREATE INDEX ix_obstacle_resolution_unit ON obstacle_resolution (unit_id, at);

-- What the register already holds.
INSERT INTO obstacle_resolution (at, event_id, unit_id, days)
SELECT e.at, e.id, o.unit_id, (julianday(e.at) - julianday(o.created_at))
FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
WHERE e.action IN ('resolved', 'resolved_with_master');
