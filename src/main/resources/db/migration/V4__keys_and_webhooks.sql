-- API keys, webhooks and the webhooks' outbox, shared by every instance (issue 21): a key created on one instance
-- authenticates on all, and a job's end is announced to the webhooks whichever instance ends it.

-- only the SHA-256 of a key is kept; a request's key is found by it
create table api_keys (
    id             text   primary key,
    sha256         text   not null unique,
    owner          text   not null,
    role           text   not null,
    name           text,
    created_nanos  bigint not null
);

-- the subscription as JSON (its secret included: the database is the service's own, as its data directory is)
create table webhooks (
    id             text   primary key,
    created_nanos  bigint not null,
    record         text   not null
);

-- the deliveries log: each webhook's latest attempts, in the order they were recorded
create table webhook_attempts (
    id          bigserial primary key,
    webhook_id  text not null references webhooks (id) on delete cascade,
    attempt     text not null
);
create index webhook_attempts_newest_first on webhook_attempts (webhook_id, id desc);

-- events not yet delivered nor given up. An entry is written in the transaction that saves the change it announces,
-- numbered from the sequence while its resource is locked, so that one resource's entries are numbered in the order
-- they commit. Only the oldest entry of a webhook and resource is attempted, by the instance that claimed it: its
-- claim token and a lease (database time); once the lease runs out another instance may claim it.
create sequence webhook_outbox_sequence;
create table webhook_outbox (
    sequence            bigint  primary key,
    event_id            text    not null,
    type                text    not null,
    resource            text    not null,
    webhook_id          text    not null,
    body                text    not null,
    created_nanos       bigint  not null,
    attempts            integer not null,
    next_attempt_nanos  bigint  not null,
    claim_token         text,
    lease_until         timestamptz
);
create index webhook_outbox_heads on webhook_outbox (webhook_id, resource, sequence);
