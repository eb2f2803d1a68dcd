-- Amendments: where the responsible official is reached, for the notices about the work they answer for.
ALTER TABLE amendment ADD COLUMN official_email TEXT NULL;
