-- Obstacles: every wait for the coordinators' answer, from a report's entry into 'submitted' (its intake, or the
-- reporting unit's answer to a question) to the answer that ended it (accepted, rejected, marked duplicate, or a
-- question), so the reports count answers on time, late, open within their deadline and overdue, and how long they
-- took, by range scans rather than by replaying history. A wait ended by withdrawal is not kept. due_on and
-- answered_on are register days, and answer_days the days between them counted from the wait's own day.
CREATE TABLE dbo.obstacle_answer_wait (
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle_answer_wait PRIMARY KEY,
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_answer_wait_obstacle REFERENCES dbo.obstacle (id),
    unit_id uniqueidentifier NOT NULL,
    since datetimeoffset NOT NULL,
    due_on date NOT NULL,
    answered_at datetimeoffset NULL,
    answered_on date NULL,
    answered_by_unit_id uniqueidentifier NULL,
    answer_days int NULL
);
-- Waits due in a report's period, by reporting unit: the four deadline statuses.
CREATE INDEX ix_obstacle_answer_wait_due ON dbo.obstacle_answer_wait (due_on, unit_id, answered_on);
-- Answers given in a period, by answering unit: the answer-time figures.
CREATE INDEX ix_obstacle_answer_wait_answered ON dbo.obstacle_answer_wait (answered_at, answered_by_unit_id, answer_days, answered_on, due_on, unit_id) WHERE answered_at IS NOT NULL;
-- The one open wait of a report, closed by its answer.
CREATE INDEX ix_obstacle_answer_wait_open ON dbo.obstacle_answer_wait (obstacle_id) WHERE answered_at IS NULL;
-- The register's history, counted in its default zone (UTC+7, without daylight saving) and the default 15 days:
-- each entry into 'submitted', ended by the first step out of it that followed.
INSERT INTO dbo.obstacle_answer_wait (id, obstacle_id, unit_id, since, due_on, answered_at, answered_on, answered_by_unit_id, answer_days)
SELECT w.id, w.obstacle_id, o.unit_id, w.since, DATEADD(day, 15, CAST(SWITCHOFFSET(w.since, '+07:00') AS date)),
       x.at, CAST(SWITCHOFFSET(x.at, '+07:00') AS date), x.unit_id,
       CASE WHEN x.at IS NULL THEN NULL ELSE DATEDIFF(day, CAST(SWITCHOFFSET(w.since, '+07:00') AS date), CAST(SWITCHOFFSET(x.at, '+07:00') AS date)) END
FROM (
    SELECT e.id, e.obstacle_id, e.at AS since,
           (SELECT TOP (1) n.id FROM dbo.obstacle_event n
            WHERE n.obstacle_id = e.obstacle_id AND n.from_status = 'submitted' AND n.to_status <> 'submitted' AND n.at >= e.at
            ORDER BY n.at, n.id) AS ended_by
    FROM dbo.obstacle_event e
    WHERE e.to_status = 'submitted' AND (e.from_status IS NULL OR e.from_status <> 'submitted')
) w
JOIN dbo.obstacle o ON o.id = w.obstacle_id
LEFT JOIN dbo.obstacle_event x ON x.id = w.ended_by
WHERE x.to_status IS NULL OR x.to_status <> 'withdrawn';
