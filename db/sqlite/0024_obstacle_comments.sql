-- Obstacles: the thread between the coordinating side and the reporting unit (never public): the coordinator's
-- questions (kind question) and everyone's comments (kind comment), oldest first.
CREATE TABLE obstacle_comment (
    id TEXT NOT NULL PRIMARY KEY,
    obstacle_id TEXT NOT NULL REFERENCES obstacle (id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    key_id TEXT NULL,
    unit_id TEXT NULL
);
CREATE INDEX ix_obstacle_comment_obstacle_id ON obstacle_comment (obstacle_id, at, id);
