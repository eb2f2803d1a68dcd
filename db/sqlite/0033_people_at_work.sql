-- People at work: what a signed-in person does is recorded under the person (beside the unit), as a key's is under
-- the key. A person's report or check-in has no key, so the two key columns that were required become optional
-- (SQLite changes a column's nullability only by making a new column: added, copied, the old one dropped).
ALTER TABLE obstacle ADD COLUMN reported_by_key_id_new TEXT NULL;
UPDATE obstacle SET reported_by_key_id_new = reported_by_key_id;
ALTER TABLE obstacle DROP COLUMN reported_by_key_id;
ALTER TABLE obstacle RENAME COLUMN reported_by_key_id_new TO reported_by_key_id;
ALTER TABLE obstacle ADD COLUMN reported_by_person_id TEXT NULL;

ALTER TABLE amendment_progress ADD COLUMN key_id_new TEXT NULL;
UPDATE amendment_progress SET key_id_new = key_id;
ALTER TABLE amendment_progress DROP COLUMN key_id;
ALTER TABLE amendment_progress RENAME COLUMN key_id_new TO key_id;
ALTER TABLE amendment_progress ADD COLUMN person_id TEXT NULL;

ALTER TABLE obstacle_event ADD COLUMN person_id TEXT NULL;
ALTER TABLE obstacle_comment ADD COLUMN person_id TEXT NULL;
ALTER TABLE obstacle_attachment ADD COLUMN person_id TEXT NULL;
ALTER TABLE amendment_event ADD COLUMN person_id TEXT NULL;
ALTER TABLE amendment_deadline ADD COLUMN person_id TEXT NULL;
ALTER TABLE change_log ADD COLUMN person_id TEXT NULL;
