-- Obstacles: whether a resolution held in practice. When it was resolved and by which issued document (the amendment's
-- in force: found from the resolving step's amendment for reports resolved before); what its reporting unit said
-- afterwards (confirmed, or reopened as a new report); and, on a reopened report, the one it reopens.
ALTER TABLE obstacle ADD COLUMN resolved_at TEXT NULL;
ALTER TABLE obstacle ADD COLUMN resolved_by_regulation_id TEXT NULL;
ALTER TABLE obstacle ADD COLUMN outcome TEXT NULL;
ALTER TABLE obstacle ADD COLUMN outcome_at TEXT NULL;
ALTER TABLE obstacle ADD COLUMN reopened_as_id TEXT NULL;
ALTER TABLE obstacle ADD COLUMN reopened_from_id TEXT NULL;
UPDATE obstacle SET
    resolved_at = (SELECT MAX(e.at) FROM obstacle_event e WHERE e.obstacle_id = obstacle.id AND e.to_status = 'resolved'),
    resolved_by_regulation_id = (
        SELECT a.issued_regulation_id FROM obstacle_event e JOIN amendment a ON a.id = e.related_id
        WHERE e.obstacle_id = obstacle.id AND e.to_status = 'resolved'
        ORDER BY e.at DESC LIMIT 1)
WHERE status = 'resolved';
