-- Every training run is a job: queued, running, finished. The model files stay on disk in the run
-- folder (dir); everything a page shows about a run is here, so any worker can run it and any
-- web server can show it.
create table training_run (
    id                 varchar(120) primary key,
    owner_id           bigint not null references app_user (id),
    name               varchar(120) not null,
    status             varchar(16)  not null,
    spec_json          varchar not null,
    hyperparameters_json varchar not null,
    device             varchar(120),
    worker             varchar(120),
    -- The order the queue serves runs in (earliest first); a teacher moves a run forward by
    -- giving it an earlier time.
    queued_at          timestamp with time zone not null,
    submitted_at       timestamp with time zone not null,
    started_at         timestamp with time zone,
    finished_at        timestamp with time zone,
    epochs_done        int not null default 0,
    epochs_total       int not null,
    progress_json      varchar,
    history_json       varchar,
    metrics_json       varchar,
    test_accuracy      double precision,
    params             bigint,
    train_seconds      double precision,
    stop_reason        varchar(60),
    problem            varchar(2000),
    dir                varchar(500),
    cancel_requested   boolean not null default false,
    resumes            int not null default 0,
    grid_id            varchar(120),
    grid_label         varchar(200),
    grid_kind          varchar(60),
    updated_at         timestamp with time zone not null
);
create index training_run_owner on training_run (owner_id);
create index training_run_status on training_run (status, queued_at);
create index training_run_grid on training_run (grid_id);

-- db-scheduler's own table (its PostgreSQL schema, in SQL H2 accepts too).
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(150) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
