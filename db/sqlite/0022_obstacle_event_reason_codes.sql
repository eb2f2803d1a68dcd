-- Obstacles: what the register itself writes in an obstacle's history is kept as a code with its parameters, rendered
-- in the reader's language when read; a person's note stays in reason.
ALTER TABLE obstacle_event ADD COLUMN reason_code TEXT NULL;
ALTER TABLE obstacle_event ADD COLUMN reason_args TEXT NULL;
