-- Amendments: each open amendment's forecast issue date, computed by the notice round from the register's own stage
-- pace and read from here (never computed per request). One row per amendment, replaced when the amendment changes
-- (its version) or a new day begins. No dates when the register's history is too thin to forecast from.
CREATE TABLE dbo.amendment_forecast (
    amendment_id uniqueidentifier NOT NULL CONSTRAINT pk_amendment_forecast PRIMARY KEY
        CONSTRAINT fk_amendment_forecast_amendment REFERENCES dbo.amendment (id),
    amendment_version bigint NOT NULL,
    computed_on date NOT NULL,
    p50_issued_on date NULL,
    p85_issued_on date NULL,
    on_time_probability float NULL,
    basis int NOT NULL,
    at_risk bit NOT NULL
);
CREATE INDEX ix_amendment_forecast_at_risk ON dbo.amendment_forecast (amendment_id) WHERE at_risk = 1;
