-- Obstacles: whether a resolution held in practice. When it was resolved and by which issued document (the amendment's
-- in force: found from the resolving step's amendment for reports resolved before); what its reporting unit said
-- afterwards (confirmed, or reopened as a new report); and, on a reopened report, the one it reopens. A batch cannot
-- name a column it adds, so filling them comes in the next batch.
ALTER TABLE dbo.obstacle ADD
    resolved_at datetimeoffset NULL,
    resolved_by_regulation_id uniqueidentifier NULL,
    outcome nvarchar(20) NULL,
    outcome_at datetimeoffset NULL,
    reopened_as_id uniqueidentifier NULL,
    reopened_from_id uniqueidentifier NULL;
GO
UPDATE o SET
    resolved_at = (SELECT MAX(e.at) FROM dbo.obstacle_event e WHERE e.obstacle_id = o.id AND e.to_status = 'resolved'),
    resolved_by_regulation_id = (
        SELECT TOP (1) a.issued_regulation_id FROM dbo.obstacle_event e JOIN dbo.amendment a ON a.id = e.related_id
        WHERE e.obstacle_id = o.id AND e.to_status = 'resolved'
        ORDER BY e.at DESC)
FROM dbo.obstacle o
WHERE o.status = 'resolved';
