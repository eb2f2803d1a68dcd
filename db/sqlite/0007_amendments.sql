-- Amendments: the legal work that removes obstacles, with its stages, progress, deadlines and history.
CREATE TABLE amendment (
    id TEXT NOT NULL PRIMARY KEY,
    regulation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    drafting_unit_id TEXT NOT NULL,
    official_name TEXT NOT NULL,
    official_position TEXT NOT NULL,
    shortened_procedure INTEGER NOT NULL,
    status TEXT NOT NULL,
    -- 1 until the document is issued or the work cancelled: only open work can be overdue or stale.
    is_open INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    original_due_on TEXT NOT NULL,
    last_progress_at TEXT NOT NULL,
    document_symbol TEXT NULL,
    issued_regulation_id TEXT NULL,
    issued_on TEXT NULL,
    effective_on TEXT NULL,
    cancellation_reason TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_amendment_due_on ON amendment (due_on, id);
CREATE INDEX ix_amendment_open ON amendment (due_on, id) WHERE is_open = 1;
CREATE INDEX ix_amendment_status ON amendment (status, due_on, id);
CREATE INDEX ix_amendment_kind ON amendment (kind, due_on, id);
CREATE INDEX ix_amendment_drafting_unit_id ON amendment (drafting_unit_id, due_on, id);
-- Open work only (partial indexes: the literal is_open = 1 in the queries selects them): a unit's overdue, due-soon
-- and stale work for /deadlines, and every unit's for the overdue and stale filters.
CREATE INDEX ix_amendment_drafting_unit_open ON amendment (drafting_unit_id, due_on, id) WHERE is_open = 1;
CREATE INDEX ix_amendment_drafting_unit_stale ON amendment (drafting_unit_id, last_progress_at) WHERE is_open = 1;
CREATE INDEX ix_amendment_regulation_id ON amendment (regulation_id);
CREATE INDEX ix_amendment_issued_regulation_id ON amendment (issued_regulation_id);
CREATE INDEX ix_amendment_last_progress_at ON amendment (last_progress_at) WHERE is_open = 1;
-- What the period reports read: opened, issued and in force by date.
CREATE INDEX ix_amendment_created_at ON amendment (created_at);
CREATE INDEX ix_amendment_issued_on ON amendment (issued_on);
-- What the in-force sweep reads: issued amendments by effective date.
CREATE INDEX ix_amendment_effective_on ON amendment (status, effective_on);

-- The obstacles an amendment resolves.
CREATE TABLE amendment_obstacle (
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    obstacle_id TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (amendment_id, obstacle_id)
);
CREATE INDEX ix_amendment_obstacle_obstacle_id ON amendment_obstacle (obstacle_id);

-- Planned and actual dates of each stage.
CREATE TABLE amendment_stage (
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    stage TEXT NOT NULL,
    planned_on TEXT NULL,
    reached_on TEXT NULL,
    PRIMARY KEY (amendment_id, stage)
);

-- The drafting unit's check-ins.
CREATE TABLE amendment_progress (
    id TEXT NOT NULL PRIMARY KEY,
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    at TEXT NOT NULL,
    stage TEXT NOT NULL,
    note TEXT NOT NULL,
    blockers TEXT NULL,
    resources_requested TEXT NULL,
    key_id TEXT NOT NULL,
    unit_id TEXT NOT NULL
);
CREATE INDEX ix_amendment_progress_amendment_id ON amendment_progress (amendment_id, at, id);

-- Every due date the amendment has had: the first is the one promised when it was opened.
CREATE TABLE amendment_deadline (
    id TEXT NOT NULL PRIMARY KEY,
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    at TEXT NOT NULL,
    previous_due_on TEXT NULL,
    due_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    key_id TEXT NULL,
    unit_id TEXT NULL
);
CREATE INDEX ix_amendment_deadline_amendment_id ON amendment_deadline (amendment_id, at, id);

-- Append-only history: who (key and unit, absent for what the register did itself), when, from, to, what.
CREATE TABLE amendment_event (
    id TEXT NOT NULL PRIMARY KEY,
    amendment_id TEXT NOT NULL REFERENCES amendment (id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    detail TEXT NULL,
    key_id TEXT NULL,
    unit_id TEXT NULL
);
CREATE INDEX ix_amendment_event_amendment_id ON amendment_event (amendment_id, at, id);
CREATE INDEX ix_amendment_event_at ON amendment_event (at, action);
