-- Time slicing: how many turns a run has had on a worker. A run that gives its worker back for other
-- learners' turns waits again as QUEUED; turns > 0 tells it apart from a run that never started.
alter table training_run add column turns int not null default 0;
