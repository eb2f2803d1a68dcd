-- Obstacles: the thread between the coordinating side and the reporting unit (never public): the coordinator's
-- questions (kind question) and everyone's comments (kind comment), oldest first.
CREATE TABLE dbo.obstacle_comment (
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle_comment PRIMARY KEY NONCLUSTERED,
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_comment_obstacle REFERENCES dbo.obstacle (id),
    at datetimeoffset NOT NULL,
    kind nvarchar(20) NOT NULL,
    text nvarchar(4000) NOT NULL,
    key_id uniqueidentifier NULL,
    unit_id uniqueidentifier NULL
);
CREATE CLUSTERED INDEX ix_obstacle_comment_obstacle_id ON dbo.obstacle_comment (obstacle_id, at, id);
