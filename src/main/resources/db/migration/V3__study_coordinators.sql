-- which instance moves each unfinished study on (submits its next children, selects, refits); another instance takes
-- the study over when this one's heartbeat in `instances` is older than the lease timeout, or its row is gone
alter table studies add column coordinator text;
-- a cancel asked for through any instance, kept beside the record so that the coordinator's next save cannot undo it
alter table studies add column cancel_requested boolean not null default false;
