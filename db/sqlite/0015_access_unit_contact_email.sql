-- Access: where a unit is reached, for the notices about its work.
ALTER TABLE unit ADD COLUMN contact_email TEXT NULL;
