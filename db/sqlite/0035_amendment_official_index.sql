-- Amendments: a responsible official's open work, found by their address as typed in any case. The desk asked
-- LOWER(official_email) of every open amendment (a row read each, 60 ms at 50,000 amendments); the address folded once
-- when the amendment is opened is read through an index instead. Addresses stored before are folded here (ASCII
-- letters, as SQLite's LOWER folds; the register folds any letter for new ones).
ALTER TABLE amendment ADD COLUMN official_email_key TEXT NULL;
UPDATE amendment SET official_email_key = LOWER(TRIM(official_email)) WHERE official_email IS NOT NULL;
CREATE INDEX ix_amendment_official_open ON amendment (official_email_key, due_on, id) WHERE is_open = 1;
