-- What an issued document does to an earlier one (amends, replaces, repeals, …), so each shows the other.
CREATE TABLE regulation_change (
    regulation_id TEXT NOT NULL REFERENCES regulation (id),
    target_id TEXT NOT NULL REFERENCES regulation (id),
    relation TEXT NOT NULL,
    PRIMARY KEY (regulation_id, target_id)
);
CREATE INDEX ix_regulation_change_target_id ON regulation_change (target_id);
