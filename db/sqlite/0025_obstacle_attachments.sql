-- Obstacles: evidence files, kept in the database itself (so a backup of the register keeps them) with the type read
-- from their content, their size and SHA-256.
CREATE TABLE obstacle_attachment (
    id TEXT NOT NULL PRIMARY KEY,
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    key_id TEXT NULL,
    unit_id TEXT NULL
);
CREATE INDEX ix_obstacle_attachment_obstacle_id ON obstacle_attachment (obstacle_id, at, id);
