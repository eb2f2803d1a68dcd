-- Obstacles: what the register itself writes in an obstacle's history is kept as a code with its parameters, rendered
-- in the reader's language when read; a person's note stays in reason.
ALTER TABLE dbo.obstacle_event ADD reason_code nvarchar(40) NULL, reason_args nvarchar(4000) NULL;
