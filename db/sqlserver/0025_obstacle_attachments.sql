-- Obstacles: evidence files, kept in the database itself (so a backup of the register keeps them) with the type read
-- from their content, their size and SHA-256.
CREATE TABLE dbo.obstacle_attachment (
    id uniqueidentifier NOT NULL CONSTRAINT pk_obstacle_attachment PRIMARY KEY NONCLUSTERED,
    obstacle_id uniqueidentifier NOT NULL CONSTRAINT fk_obstacle_attachment_obstacle REFERENCES dbo.obstacle (id),
    at datetimeoffset NOT NULL,
    file_name nvarchar(200) NOT NULL,
    content_type nvarchar(100) NOT NULL,
    size bigint NOT NULL,
    sha256 nvarchar(64) NOT NULL,
    content varbinary(max) NOT NULL,
    key_id uniqueidentifier NULL,
    unit_id uniqueidentifier NULL
);
CREATE CLUSTERED INDEX ix_obstacle_attachment_obstacle_id ON dbo.obstacle_attachment (obstacle_id, at, id);
