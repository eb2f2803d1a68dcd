-- Amendments: the register's history of pace as a histogram, how many past stages of each kind took each number of
-- days, kept as each stage is left (for the stage left, the days from reaching it to reaching the next). The notice
-- round forecasts from it without reading every stage ever reached (1.7 million rows on a large register).
CREATE TABLE dbo.amendment_stage_pace (
    kind nvarchar(40) NOT NULL,
    stage nvarchar(40) NOT NULL,
    days int NOT NULL,
    observations int NOT NULL,
    CONSTRAINT pk_amendment_stage_pace PRIMARY KEY (kind, stage, days)
);
INSERT INTO dbo.amendment_stage_pace (kind, stage, days, observations)
SELECT kind, stage, CASE WHEN days < 0 THEN 0 ELSE days END, COUNT(*)
FROM (
    SELECT a.kind, s.stage,
           DATEDIFF(day, s.reached_on, LEAD(s.reached_on) OVER (PARTITION BY s.amendment_id ORDER BY
               CASE s.stage WHEN 'planned' THEN 0 WHEN 'drafting' THEN 1 WHEN 'consultation' THEN 2 WHEN 'appraisal' THEN 3
                            WHEN 'submitted' THEN 4 WHEN 'issued' THEN 5 ELSE 6 END)) AS days
    FROM dbo.amendment_stage s JOIN dbo.amendment a ON a.id = s.amendment_id
    WHERE s.reached_on IS NOT NULL AND s.stage IN ('planned', 'drafting', 'consultation', 'appraisal', 'submitted', 'issued', 'in_force')
) left_stages
WHERE days IS NOT NULL
GROUP BY kind, stage, CASE WHEN days < 0 THEN 0 ELSE days END;
