-- Obstacles: the regulations cited by the obstacles reported in each week (ISO, from Monday) and each calendar month of
-- the register's time zone, for the register as a whole, kept in the transactions that change an obstacle's citations.
-- A week or a month of a busy register cites tens of thousands of regulations once or twice each: ranking them from
-- the kept days was most of a report's time. Here the most-cited are the first rows of one index.
CREATE TABLE obstacle_period_citation (
    period TEXT NOT NULL,
    first_day TEXT NOT NULL,
    regulation_id TEXT NOT NULL,
    obstacles INTEGER NOT NULL,
    PRIMARY KEY (period, first_day, regulation_id)
) WITHOUT ROWID;

CREATE INDEX ix_obstacle_period_citation_rank ON obstacle_period_citation (period, first_day, obstacles DESC, regulation_id);

-- The zone the periods above were counted in. The zone is configuration: the service counts the periods at its start
-- when this row is missing or names another zone, and until then reports rank from the kept days.
CREATE TABLE obstacle_period_zone (
    zone TEXT NOT NULL PRIMARY KEY,
    counted_at TEXT NOT NULL
);
