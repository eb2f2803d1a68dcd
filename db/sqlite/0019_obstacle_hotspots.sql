-- Obstacles: the hotspots, kept in the transactions that change an obstacle, so the all-time ranking is an index read at
-- any size. Article 0 stands for the regulation as a whole (an obstacle citing two of its articles counts once there).
-- Open: submitted, accepted or in an amendment; resolved: resolved by an amendment in force (duplicates never count).
-- Per unit: what each unit's obstacles come to; units_affected counts the units with an open obstacle there.
CREATE TABLE obstacle_hotspot_unit (
    unit_id TEXT NOT NULL,
    regulation_id TEXT NOT NULL,
    article INTEGER NOT NULL,
    open_obstacles INTEGER NOT NULL,
    resolved_obstacles INTEGER NOT NULL,
    PRIMARY KEY (unit_id, regulation_id, article)
);
CREATE INDEX ix_obstacle_hotspot_unit_regulations ON obstacle_hotspot_unit (unit_id, open_obstacles DESC, resolved_obstacles DESC, regulation_id) WHERE article = 0;
CREATE INDEX ix_obstacle_hotspot_unit_articles ON obstacle_hotspot_unit (unit_id, open_obstacles DESC, resolved_obstacles DESC, regulation_id, article) WHERE article > 0;

CREATE TABLE obstacle_hotspot (
    regulation_id TEXT NOT NULL,
    article INTEGER NOT NULL,
    open_obstacles INTEGER NOT NULL,
    units_affected INTEGER NOT NULL,
    resolved_obstacles INTEGER NOT NULL,
    PRIMARY KEY (regulation_id, article)
);
CREATE INDEX ix_obstacle_hotspot_regulations_open ON obstacle_hotspot (open_obstacles DESC, units_affected DESC, resolved_obstacles DESC, regulation_id) WHERE article = 0;
CREATE INDEX ix_obstacle_hotspot_regulations_units ON obstacle_hotspot (units_affected DESC, open_obstacles DESC, resolved_obstacles DESC, regulation_id) WHERE article = 0;
CREATE INDEX ix_obstacle_hotspot_articles_open ON obstacle_hotspot (open_obstacles DESC, units_affected DESC, resolved_obstacles DESC, regulation_id, article) WHERE article > 0;
CREATE INDEX ix_obstacle_hotspot_articles_units ON obstacle_hotspot (units_affected DESC, open_obstacles DESC, resolved_obstacles DESC, regulation_id, article) WHERE article > 0;

-- What the register already holds.
INSERT INTO obstacle_hotspot_unit (unit_id, regulation_id, article, open_obstacles, resolved_obstacles)
SELECT o.unit_id, k.regulation_id, k.article,
       SUM(CASE WHEN o.status IN ('submitted', 'accepted', 'in_amendment') THEN 1 ELSE 0 END),
       SUM(CASE WHEN o.status = 'resolved' THEN 1 ELSE 0 END)
FROM obstacle o
JOIN (SELECT obstacle_id, regulation_id, 0 AS article FROM obstacle_regulation
      UNION SELECT obstacle_id, regulation_id, article FROM obstacle_regulation) k ON k.obstacle_id = o.id
WHERE o.status IN ('submitted', 'accepted', 'in_amendment') OR (o.status = 'resolved' AND o.duplicate_of_id IS NULL)
GROUP BY o.unit_id, k.regulation_id, k.article;

INSERT INTO obstacle_hotspot (regulation_id, article, open_obstacles, units_affected, resolved_obstacles)
SELECT regulation_id, article, SUM(open_obstacles), SUM(CASE WHEN open_obstacles > 0 THEN 1 ELSE 0 END), SUM(resolved_obstacles)
FROM obstacle_hotspot_unit
GROUP BY regulation_id, article;
