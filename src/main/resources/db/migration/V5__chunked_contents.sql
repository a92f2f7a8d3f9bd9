-- Datasets and checkpoints as numbered chunks of at most 1 MiB instead of one bytea value each (issue 21, SCALE.md):
-- they are written and read a chunk at a time, so neither end holds a second copy of a large dataset or training
-- state, and no value comes near bytea's 1 GB limit. Their rows keep the size, so sizes are summed without reading.
-- A chunk belongs to its dataset or checkpoint row and goes with it (on delete cascade); the foreign keys are checked at
-- commit, so a checkpoint's chunks may be written before the row that describes them (with the size and digest they
-- gave), in the same transaction. Encoded doubles do not compress: the chunks are stored without trying (external).

create table dataset_chunks (
    dataset_id  text    not null references datasets (id) on delete cascade deferrable initially deferred,
    seq         integer not null,
    data        bytea   not null,
    primary key (dataset_id, seq)
);
alter table dataset_chunks alter column data set storage external;
alter table datasets add column size_bytes bigint;
insert into dataset_chunks (dataset_id, seq, data) select id, 0, data from datasets;
update datasets set size_bytes = octet_length(data);
alter table datasets alter column size_bytes set not null;
alter table datasets drop column data;

create table checkpoint_chunks (
    job_id  text    not null,
    kind    text    not null,
    epoch   integer not null,
    seq     integer not null,
    data    bytea   not null,
    primary key (job_id, kind, epoch, seq),
    foreign key (job_id, kind, epoch) references checkpoints (job_id, kind, epoch) on delete cascade
        deferrable initially deferred
);
alter table checkpoint_chunks alter column data set storage external;
insert into checkpoint_chunks (job_id, kind, epoch, seq, data) select job_id, kind, epoch, 0, state from checkpoints;
alter table checkpoints drop column state;
