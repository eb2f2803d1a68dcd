-- Obstacles: since when a report has waited for the coordinators' answer (set when it is submitted, and again when
-- the reporting unit answers a question, which gives it back to them): the day its answer is due counts from here.
-- Reports waiting now take their latest entry into 'submitted' from their history.
ALTER TABLE obstacle ADD COLUMN awaiting_answer_since TEXT NULL;
UPDATE obstacle SET awaiting_answer_since = COALESCE(
    (SELECT MAX(e.at) FROM obstacle_event e WHERE e.obstacle_id = obstacle.id AND e.to_status = 'submitted'), created_at)
WHERE status = 'submitted';
-- The answer clock's sweep reads the waiting reports by how long they have waited.
CREATE INDEX ix_obstacle_awaiting_answer ON obstacle (awaiting_answer_since, id) WHERE status = 'submitted';
