-- Amendments: nothing changes on SQL Server. SQLite's overdue index now leads with the drafting unit so its planner
-- groups without sorting; SQL Server has no skip-scan, seeks the due day of 0028's index and aggregates by hash, so
-- the due-day-first index with its included columns stays the right one here.
SELECT 1 AS unchanged;
