-- Amendments: what the register itself writes in an amendment's history (issuance, entry into force, a deadline move)
-- and the first deadline's reason are kept as a code with its parameters, rendered in the reader's language when read;
-- a person's words (notes, reasons) stay in detail and reason.
ALTER TABLE amendment_event ADD COLUMN detail_code TEXT NULL;
ALTER TABLE amendment_event ADD COLUMN detail_args TEXT NULL;
ALTER TABLE amendment_deadline ADD COLUMN reason_code TEXT NULL;
-- The first deadline's reason was the one sentence the register wrote there: it becomes its code.
UPDATE amendment_deadline SET reason_code = 'opened', reason = '' WHERE previous_due_on IS NULL AND reason = 'Set when the amendment was opened.';
