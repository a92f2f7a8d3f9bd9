-- The regtrain store on PostgreSQL: every port of the service, one table (or two) each. Records are JSON text, read
-- by the service as the file store reads its files; the columns beside them are what SQL filters, orders and locks
-- on. Creation times are kept as nanoseconds since the epoch, so a page cursor (creation time and id) round-trips
-- exactly; ids are compared with the "C" collation, byte by byte, as the service compares them.

create table jobs (
    id                 text primary key,
    status             text    not null,
    created_nanos      bigint  not null,
    record             text    not null,
    -- coordination: which instance trains the job, until when, and the token every write of it must carry
    owner_instance     text,
    lease_until        timestamptz,
    fencing_token      bigint  not null default 0,
    cancel_requested   boolean not null default false
);
create index jobs_newest_first on jobs (created_nanos desc, id collate "C" desc);
create index jobs_unfinished on jobs (status) where status in ('QUEUED', 'RUNNING');

-- one row per epoch: a job moved between instances writes each epoch once
create table job_metrics (
    job_id  text    not null,
    epoch   integer not null,
    row     text    not null,
    primary key (job_id, epoch)
);

-- the model context (meta) and the warm start's initial model of a job
create table job_documents (
    job_id    text not null,
    kind      text not null,
    document  text not null,
    primary key (job_id, kind)
);

create table checkpoints (
    job_id         text    not null,
    kind           text    not null,
    epoch          integer not null,
    state          bytea   not null,
    monitor_value  double precision,
    created_at     timestamptz not null,
    size_bytes     bigint  not null,
    sha256         text    not null,
    primary key (job_id, kind, epoch)
);

create table datasets (
    id             text primary key,
    created_nanos  bigint not null,
    record         text   not null,
    data           bytea  not null
);

create table idempotency_keys (
    scope          text   not null,
    key            text   not null,
    created_nanos  bigint not null,
    record         text   not null,
    primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_nanos);

-- live instances: each renews its heartbeat; GET /api/v1/cluster lists them
create table instances (
    id              text primary key,
    url             text        not null,
    workers         integer     not null,
    started_at      timestamptz not null,
    last_heartbeat  timestamptz not null
);
