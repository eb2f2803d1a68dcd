-- Obstacles: what each unit's obstacles came to on each day (UTC), kept in the transactions that change an obstacle, so
-- a week's or a month's report reads a few hundred rows at any size of the register. Received counts obstacles by the
-- day they were reported; the others count the history's outcomes by the day they happened (resolved includes the
-- duplicates resolved with their master). Reports read whole days here and the hours at a period's edges from the
-- obstacles themselves.
CREATE TABLE obstacle_day (
    day TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    received INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL,
    resolved INTEGER NOT NULL,
    PRIMARY KEY (day, unit_id)
) WITHOUT ROWID;

-- The regulations cited by the obstacles reported each day that are not withdrawn, one per obstacle however many of
-- its provisions it cites.
CREATE TABLE obstacle_day_citation (
    day TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    regulation_id TEXT NOT NULL,
    obstacles INTEGER NOT NULL,
    PRIMARY KEY (day, unit_id, regulation_id)
) WITHOUT ROWID;

-- What the register already holds.
INSERT INTO obstacle_day (day, unit_id, received, accepted, rejected, duplicates, withdrawn, resolved)
SELECT day, unit_id, SUM(received), SUM(accepted), SUM(rejected), SUM(duplicates), SUM(withdrawn), SUM(resolved)
FROM (
    SELECT substr(created_at, 1, 10) AS day, unit_id, 1 AS received, 0 AS accepted, 0 AS rejected, 0 AS duplicates, 0 AS withdrawn, 0 AS resolved
    FROM obstacle
    UNION ALL
    SELECT substr(e.at, 1, 10), o.unit_id, 0,
           CASE WHEN e.action = 'accepted' THEN 1 ELSE 0 END,
           CASE WHEN e.action = 'rejected' THEN 1 ELSE 0 END,
           CASE WHEN e.action = 'marked_duplicate' THEN 1 ELSE 0 END,
           CASE WHEN e.action = 'withdrawn' THEN 1 ELSE 0 END,
           CASE WHEN e.action IN ('resolved', 'resolved_with_master') THEN 1 ELSE 0 END
    FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
    WHERE e.action IN ('accepted', 'rejected', 'marked_duplicate', 'withdrawn', 'resolved', 'resolved_with_master')
) counted
GROUP BY day, unit_id;

INSERT INTO obstacle_day_citation (day, unit_id, regulation_id, obstacles)
SELECT substr(o.created_at, 1, 10), o.unit_id, c.regulation_id, COUNT(DISTINCT o.id)
FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
WHERE o.status <> 'withdrawn'
GROUP BY substr(o.created_at, 1, 10), o.unit_id, c.regulation_id;
