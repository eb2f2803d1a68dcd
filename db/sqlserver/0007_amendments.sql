-- Amendments: the legal work that removes obstacles, with its stages, progress, deadlines and history.
CREATE TABLE dbo.amendment (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment PRIMARY KEY,
    regulation_id uniqueidentifier NOT NULL,
    kind nvarchar(30) NOT NULL,
    title nvarchar(1000) NOT NULL,
    drafting_unit_id uniqueidentifier NOT NULL,
    official_name nvarchar(200) NOT NULL,
    official_position nvarchar(200) NOT NULL,
    shortened_procedure bit NOT NULL,
    status nvarchar(20) NOT NULL,
    -- 1 until the document is issued or the work cancelled: only open work can be overdue or stale.
    is_open bit NOT NULL,
    due_on date NOT NULL,
    original_due_on date NOT NULL,
    last_progress_at datetimeoffset NOT NULL,
    document_symbol nvarchar(50) NULL,
    issued_regulation_id uniqueidentifier NULL,
    issued_on date NULL,
    effective_on date NULL,
    cancellation_reason nvarchar(2000) NULL,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    version bigint NOT NULL
);
CREATE INDEX ix_amendment_due_on ON dbo.amendment (due_on, id);
CREATE INDEX ix_amendment_open ON dbo.amendment (due_on, id) WHERE is_open = 1;
CREATE INDEX ix_amendment_status ON dbo.amendment (status, due_on, id);
CREATE INDEX ix_amendment_kind ON dbo.amendment (kind, due_on, id);
CREATE INDEX ix_amendment_drafting_unit_id ON dbo.amendment (drafting_unit_id, due_on, id);
-- Open work only (partial indexes: the literal is_open = 1 in the queries selects them): a unit's overdue, due-soon
-- and stale work for /deadlines, and every unit's for the overdue and stale filters.
CREATE INDEX ix_amendment_drafting_unit_open ON dbo.amendment (drafting_unit_id, due_on, id) WHERE is_open = 1;
CREATE INDEX ix_amendment_drafting_unit_stale ON dbo.amendment (drafting_unit_id, last_progress_at) WHERE is_open = 1;
CREATE INDEX ix_amendment_regulation_id ON dbo.amendment (regulation_id);
CREATE INDEX ix_amendment_issued_regulation_id ON dbo.amendment (issued_regulation_id);
CREATE INDEX ix_amendment_last_progress_at ON dbo.amendment (last_progress_at) WHERE is_open = 1;
-- What the period reports read: opened, issued and in force by date.
CREATE INDEX ix_amendment_created_at ON dbo.amendment (created_at);
CREATE INDEX ix_amendment_issued_on ON dbo.amendment (issued_on);
-- What the in-force sweep reads: issued amendments by effective date.
CREATE INDEX ix_amendment_effective_on ON dbo.amendment (status, effective_on);

-- The obstacles an amendment resolves.
CREATE TABLE dbo.amendment_obstacle (
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_obstacle_amendment REFERENCES dbo.amendment (id),
    obstacle_id uniqueidentifier NOT NULL,
    linked_at datetimeoffset NOT NULL,
    CONSTRAINT pk_amendment_obstacle PRIMARY KEY (amendment_id, obstacle_id)
);
CREATE INDEX ix_amendment_obstacle_obstacle_id ON dbo.amendment_obstacle (obstacle_id);

-- Planned and actual dates of each stage.
CREATE TABLE dbo.amendment_stage (
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_stage_amendment REFERENCES dbo.amendment (id),
    stage nvarchar(20) NOT NULL,
    planned_on date NULL,
    reached_on date NULL,
    CONSTRAINT pk_amendment_stage PRIMARY KEY (amendment_id, stage)
);

-- The drafting unit's check-ins.
CREATE TABLE dbo.amendment_progress (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_progress PRIMARY KEY NONCLUSTERED,
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_progress_amendment REFERENCES dbo.amendment (id),
    at datetimeoffset NOT NULL,
    stage nvarchar(20) NOT NULL,
    note nvarchar(4000) NOT NULL,
    blockers nvarchar(4000) NULL,
    resources_requested nvarchar(4000) NULL,
    key_id uniqueidentifier NOT NULL,
    unit_id uniqueidentifier NOT NULL
);
CREATE CLUSTERED INDEX ix_amendment_progress_amendment_id ON dbo.amendment_progress (amendment_id, at, id);

-- Every due date the amendment has had: the first is the one promised when it was opened.
CREATE TABLE dbo.amendment_deadline (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_deadline PRIMARY KEY NONCLUSTERED,
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_deadline_amendment REFERENCES dbo.amendment (id),
    at datetimeoffset NOT NULL,
    previous_due_on date NULL,
    due_on date NOT NULL,
    reason nvarchar(2000) NOT NULL,
    key_id uniqueidentifier NULL,
    unit_id uniqueidentifier NULL
);
CREATE CLUSTERED INDEX ix_amendment_deadline_amendment_id ON dbo.amendment_deadline (amendment_id, at, id);

-- Append-only history: who (key and unit, absent for what the register did itself), when, from, to, what.
CREATE TABLE dbo.amendment_event (
    id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_event PRIMARY KEY NONCLUSTERED,
    amendment_id uniqueidentifier NOT NULL CONSTRAINT fk_amendment_event_amendment REFERENCES dbo.amendment (id),
    at datetimeoffset NOT NULL,
    action nvarchar(40) NOT NULL,
    from_status nvarchar(20) NULL,
    to_status nvarchar(20) NOT NULL,
    detail nvarchar(4000) NULL,
    key_id uniqueidentifier NULL,
    unit_id uniqueidentifier NULL
);
CREATE CLUSTERED INDEX ix_amendment_event_amendment_id ON dbo.amendment_event (amendment_id, at, id);
CREATE INDEX ix_amendment_event_at ON dbo.amendment_event (at, action);
