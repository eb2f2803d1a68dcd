-- no-transaction
-- What SQL Server needs for running unattended, and what it means here: SQLite already reads one snapshot per
-- read transaction, and its TEXT has no length, so a sealed (Data Protection) webhook secret fits as it is.
SELECT 1;
