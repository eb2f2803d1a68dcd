-- Obstacles: what units report, the provisions they cite, their history, and intake's duplicate hints.
CREATE TABLE dbo.obstacle (
    -- Integer key of the full-text index; never shown. The public id is id.
    seq bigint IDENTITY(1, 1) NOT NULL CONSTRAINT uq_obstacle_seq UNIQUE CLUSTERED,
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle PRIMARY KEY NONCLUSTERED,
    reference nvarchar(20) NOT NULL,
    unit_id uniqueidentifier NOT NULL,
    reported_by_key_id uniqueidentifier NOT NULL,
    title nvarchar(300) NOT NULL,
    description nvarchar(4000) NOT NULL,
    category nvarchar(30) NOT NULL,
    severity nvarchar(10) NOT NULL,
    proposal nvarchar(30) NOT NULL,
    impact nvarchar(2000) NULL,
    contact nvarchar(500) NULL,
    status nvarchar(20) NOT NULL,
    duplicate_of_id uniqueidentifier NULL CONSTRAINT fk_obstacle_duplicate_of REFERENCES dbo.obstacle (id),
    answer nvarchar(4000) NULL,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    version bigint NOT NULL
);
CREATE UNIQUE INDEX ux_obstacle_reference ON dbo.obstacle (reference);
CREATE INDEX ix_obstacle_created_at ON dbo.obstacle (created_at, id);
CREATE INDEX ix_obstacle_status ON dbo.obstacle (status, seq);
CREATE INDEX ix_obstacle_unit_id ON dbo.obstacle (unit_id, seq);
CREATE INDEX ix_obstacle_category ON dbo.obstacle (category, seq);
CREATE INDEX ix_obstacle_severity ON dbo.obstacle (severity, seq);
CREATE INDEX ix_obstacle_duplicate_of_id ON dbo.obstacle (duplicate_of_id);

-- The provisions an obstacle cites; obstacle_seq is copied so a regulation's obstacles page in order from the index.
CREATE TABLE dbo.obstacle_regulation (
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_regulation_obstacle REFERENCES dbo.obstacle (id),
    position int NOT NULL,
    regulation_id uniqueidentifier NOT NULL,
    provision nvarchar(200) NOT NULL,
    article int NOT NULL,
    clause int NULL,
    point nvarchar(4) NULL,
    obstacle_seq bigint NOT NULL,
    CONSTRAINT pk_obstacle_regulation PRIMARY KEY (obstacle_id, position)
);
CREATE INDEX ix_obstacle_regulation_regulation_id ON dbo.obstacle_regulation (regulation_id, obstacle_seq);
CREATE INDEX ix_obstacle_regulation_article ON dbo.obstacle_regulation (regulation_id, article, obstacle_seq);

-- Append-only history: who (key and unit), when, from, to, why.
CREATE TABLE dbo.obstacle_event (
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle_event PRIMARY KEY NONCLUSTERED,
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_event_obstacle REFERENCES dbo.obstacle (id),
    at datetimeoffset NOT NULL,
    action nvarchar(30) NOT NULL,
    from_status nvarchar(20) NULL,
    to_status nvarchar(20) NOT NULL,
    reason nvarchar(4000) NULL,
    related_id uniqueidentifier NULL,
    key_id uniqueidentifier NULL,
    unit_id uniqueidentifier NULL
);
CREATE CLUSTERED INDEX ix_obstacle_event_obstacle_id ON dbo.obstacle_event (obstacle_id, at, id);

-- Likely duplicates found at intake, shown to the reporter and the coordinator.
CREATE TABLE dbo.obstacle_likely_duplicate (
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_likely_duplicate_obstacle REFERENCES dbo.obstacle (id),
    candidate_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_likely_duplicate_candidate REFERENCES dbo.obstacle (id),
    reason nvarchar(20) NOT NULL,
    CONSTRAINT pk_obstacle_likely_duplicate PRIMARY KEY (obstacle_id, candidate_id)
);

-- The last reference number given out per year (VM-2026-000042).
CREATE TABLE dbo.obstacle_reference_counter (
    year int NOT NULL CONSTRAINT pk_obstacle_reference_counter PRIMARY KEY,
    last_number int NOT NULL
);
