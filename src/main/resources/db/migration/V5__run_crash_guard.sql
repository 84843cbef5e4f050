-- How many times in a row a run was cut off (its server died) without finishing another epoch.
-- A run that keeps taking its server down is failed instead of being resumed into a crash loop.
alter table training_run add column stalled_resumes int not null default 0;
