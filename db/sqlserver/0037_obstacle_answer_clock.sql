-- Obstacles: since when a report has waited for the coordinators' answer (set when it is submitted, and again when
-- the reporting unit answers a question): the day its answer is due counts from here. A batch cannot name a column it
-- adds, so filling and indexing it come in later batches.
ALTER TABLE dbo.obstacle ADD awaiting_answer_since datetimeoffset NULL;
GO
UPDATE o SET awaiting_answer_since = COALESCE(
    (SELECT MAX(e.at) FROM dbo.obstacle_event e WHERE e.obstacle_id = o.id AND e.to_status = 'submitted'), o.created_at)
FROM dbo.obstacle o
WHERE o.status = 'submitted';
GO
CREATE INDEX ix_obstacle_awaiting_answer ON dbo.obstacle (awaiting_answer_since, id) WHERE status = 'submitted';
