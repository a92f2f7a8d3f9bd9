-- studies (issue 17): the record as JSON beside what SQL filters and pages on, as for jobs
create table studies (
    id             text primary key,
    status         text   not null,
    created_nanos  bigint not null,
    record         text   not null
);
create index studies_newest_first on studies (created_nanos desc, id collate "C" desc);
