-- People at work: what a signed-in person does is recorded under the person (beside the unit), as a key's is under
-- the key. A person's report or check-in has no key, so the two key columns that were required become optional.
ALTER TABLE dbo.obstacle ALTER COLUMN reported_by_key_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle ADD reported_by_person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_progress ALTER COLUMN key_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_progress ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_event ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_comment ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.obstacle_attachment ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_event ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.amendment_deadline ADD person_id uniqueidentifier NULL;
ALTER TABLE dbo.change_log ADD person_id uniqueidentifier NULL;
