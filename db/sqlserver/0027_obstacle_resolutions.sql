-- Obstacles: each resolution with the days it took (from the report to the resolving step, as the median reads it),
-- kept in the transaction that resolves, so a period's median sorts that period's resolutions without reading every
-- obstacle they belong to.
CREATE TABLE dbo.obstacle_resolution (
    at datetimeoffset NOT NULL,
    event_id uniqueidentifier NOT NULL,
    unit_id uniqueidentifier NOT NULL,
    days float NOT NULL,
    CONSTRAINT pk_obstacle_resolution PRIMARY KEY (at, event_id)
);
CREATE INDEX ix_obstacle_resolution_unit ON dbo.obstacle_resolution (unit_id, at) INCLUDE (days);

-- What the register already holds.
INSERT INTO dbo.obstacle_resolution (at, event_id, unit_id, days)
SELECT e.at, e.id, o.unit_id, (DATEDIFF_BIG(second, o.created_at, e.at) / 86400.0)
FROM dbo.obstacle_event e JOIN dbo.obstacle o ON o.id = e.obstacle_id
WHERE e.action IN ('resolved', 'resolved_with_master');
