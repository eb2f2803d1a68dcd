-- Amendments: what the register itself writes in an amendment's history (issuance, entry into force, a deadline move)
-- and the first deadline's reason are kept as a code with its parameters, rendered in the reader's language when read;
-- a person's words (notes, reasons) stay in detail and reason.
ALTER TABLE dbo.amendment_event ADD detail_code nvarchar(40) NULL, detail_args nvarchar(4000) NULL;
ALTER TABLE dbo.amendment_deadline ADD reason_code nvarchar(40) NULL;
GO
-- The first deadline's reason was the one sentence the register wrote there: it becomes its code.
UPDATE dbo.amendment_deadline SET reason_code = N'opened', reason = N'' WHERE previous_due_on IS NULL AND reason = N'Set when the amendment was opened.';
