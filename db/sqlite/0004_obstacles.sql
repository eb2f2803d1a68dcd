-- Obstacles: what units report, the provisions they cite, their history, and intake's duplicate hints.
CREATE TABLE obstacle (
    -- Integer key of the full-text index; never shown. The public id is id.
    seq INTEGER NOT NULL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    reported_by_key_id TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    proposal TEXT NOT NULL,
    impact TEXT NULL,
    contact TEXT NULL,
    status TEXT NOT NULL,
    duplicate_of_id TEXT NULL REFERENCES obstacle (id),
    answer TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_obstacle_reference ON obstacle (reference);
CREATE INDEX ix_obstacle_created_at ON obstacle (created_at, id);
CREATE INDEX ix_obstacle_status ON obstacle (status, seq);
CREATE INDEX ix_obstacle_unit_id ON obstacle (unit_id, seq);
CREATE INDEX ix_obstacle_category ON obstacle (category, seq);
CREATE INDEX ix_obstacle_severity ON obstacle (severity, seq);
CREATE INDEX ix_obstacle_duplicate_of_id ON obstacle (duplicate_of_id);

-- The provisions an obstacle cites; obstacle_seq is copied so a regulation's obstacles page in order from the index.
CREATE TABLE obstacle_regulation (
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    position INTEGER NOT NULL,
    regulation_id TEXT NOT NULL,
    provision TEXT NOT NULL,
    article INTEGER NOT NULL,
    clause INTEGER NULL,
    point TEXT NULL,
    obstacle_seq INTEGER NOT NULL,
    PRIMARY KEY (obstacle_id, position)
);
CREATE INDEX ix_obstacle_regulation_regulation_id ON obstacle_regulation (regulation_id, obstacle_seq);
CREATE INDEX ix_obstacle_regulation_article ON obstacle_regulation (regulation_id, article, obstacle_seq);

-- Append-only history: who (key and unit), when, from, to, why.
CREATE TABLE obstacle_event (
    id TEXT NOT NULL PRIMARY KEY,
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NULL,
    related_id TEXT NULL,
    key_id TEXT NULL,
    unit_id TEXT NULL
);
CREATE INDEX ix_obstacle_event_obstacle_id ON obstacle_event (obstacle_id, at, id);

-- Likely duplicates found at intake, shown to the reporter and the coordinator.
CREATE TABLE obstacle_likely_duplicate (
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    candidate_id TEXT NOT NULL REFERENCES obstacle (id),
    reason TEXT NOT NULL,
    PRIMARY KEY (obstacle_id, candidate_id)
);

-- The last reference number given out per year (VM-2026-000042).
CREATE TABLE obstacle_reference_counter (
    year INTEGER NOT NULL PRIMARY KEY,
    last_number INTEGER NOT NULL
);
