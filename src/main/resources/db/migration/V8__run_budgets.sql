-- Run budgets (issue 13): what one learner's runs may use on a shared server. A teacher sets them
-- per class; null means the server's default. A learner in several classes gets the most generous
-- value of their classes (org.convlab.classroom.ClassBudgets). 0 means no limit.
alter table school_class add column max_image_epochs bigint;
alter table school_class add column max_waiting_runs int;

-- The server's defaults, which the admin edits: one row. Null means the start value from the
-- configuration (convlab.budget.max-image-epochs and convlab.budget.max-waiting-runs), so a server
-- that never touched them follows its configuration.
create table run_budget_default (
    id               int primary key check (id = 1),
    max_image_epochs bigint,
    max_waiting_runs int
);
insert into run_budget_default (id, max_image_epochs, max_waiting_runs) values (1, null, null);
