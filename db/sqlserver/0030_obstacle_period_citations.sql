-- Obstacles: the regulations cited by the obstacles reported in each week (ISO, from Monday) and each calendar month of
-- the register's time zone, for the register as a whole, kept in the transactions that change an obstacle's citations.
-- A week or a month of a busy register cites tens of thousands of regulations once or twice each: ranking them from
-- the kept days was most of a report's time. Here the most-cited are the first rows of one index.
CREATE TABLE dbo.obstacle_period_citation (
    period nvarchar(5) NOT NULL,
    first_day date NOT NULL,
    regulation_id uniqueidentifier NOT NULL,
    obstacles int NOT NULL,
    CONSTRAINT pk_obstacle_period_citation PRIMARY KEY (period, first_day, regulation_id)
);

CREATE INDEX ix_obstacle_period_citation_rank ON dbo.obstacle_period_citation (period, first_day, obstacles DESC, regulation_id);

-- The zone the periods above were counted in. The zone is configuration: the service counts the periods at its start
-- when this row is missing or names another zone, and until then reports rank from the kept days.
CREATE TABLE dbo.obstacle_period_zone (
    zone nvarchar(100) NOT NULL CONSTRAINT pk_obstacle_period_zone PRIMARY KEY,
    counted_at datetimeoffset NOT NULL
);
