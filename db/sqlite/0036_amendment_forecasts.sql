-- Amendments: each open amendment's forecast issue date, computed by the notice round from the register's own stage
-- pace and read from here (never computed per request). One row per amendment, replaced when the amendment changes
-- (its version) or a new day begins. No dates when the register's history is too thin to forecast from (basis says
-- how many past stages there were).
CREATE TABLE amendment_forecast (
    amendment_id TEXT NOT NULL PRIMARY KEY REFERENCES amendment (id),
    amendment_version INTEGER NOT NULL,
    computed_on TEXT NOT NULL,
    p50_issued_on TEXT NULL,
    p85_issued_on TEXT NULL,
    on_time_probability REAL NULL,
    basis INTEGER NOT NULL,
    at_risk INTEGER NOT NULL
);
-- The at-risk list and the at-risk notices read the few flagged.
CREATE INDEX ix_amendment_forecast_at_risk ON amendment_forecast (amendment_id) WHERE at_risk = 1;
