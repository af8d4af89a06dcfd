-- Record linkage (the matching module). A member's match record holds keyed hashes of her name
-- words, phones and village under her collective's key, her birth year and a hash of her district:
-- nothing readable. Pairs found by a scan wait for a person's decision, which is remembered: a pair
-- said to be two people is never proposed again. A merge keeps the merged record (status MERGED,
-- merged_into) and notes every row it moved, so that it can be undone.
alter table member add column merged_into uuid;
alter table member drop constraint member_status;
alter table member add constraint member_status
    check (status in ('ACTIVE', 'MOVED', 'DECEASED', 'WITHDRAWN', 'ERASED', 'MERGED'));

create table match_record (
    member_id       uuid        not null primary key,
    organisation_id uuid        not null,
    features        bytea       not null,
    active          boolean     not null,
    updated_at      timestamp with time zone not null
);
create index match_record_organisation on match_record (organisation_id);

-- A collective whose members were all given match records (those registered before matching).
create table match_backfill (
    organisation_id uuid        not null primary key,
    done_at         timestamp with time zone not null
);

create table duplicate_scan (
    id              uuid        not null primary key,
    organisation_id uuid,
    requested_by    varchar(64) not null,
    status          varchar(12) not null,
    members_total   bigint      not null,
    members_done    bigint      not null,
    candidates      bigint      not null,
    likely          bigint      not null,
    possible        bigint      not null,
    model           varchar(1000),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    constraint duplicate_scan_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index duplicate_scan_organisation on duplicate_scan (organisation_id, created_at);

create table duplicate_pair (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_a        uuid         not null,
    member_b        uuid         not null,
    score           double precision not null,
    band            varchar(8)   not null,
    evidence        varchar(200) not null,
    status          varchar(10)  not null,
    found_at        timestamp with time zone not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    merge_id        uuid,
    constraint duplicate_pair_once unique (organisation_id, member_a, member_b),
    constraint duplicate_pair_band check (band in ('LIKELY', 'POSSIBLE')),
    constraint duplicate_pair_status check (status in ('OPEN', 'SAME', 'DIFFERENT'))
);
create index duplicate_pair_queue on duplicate_pair (organisation_id, status, band, score);
create index duplicate_pair_member_a on duplicate_pair (member_a);
create index duplicate_pair_member_b on duplicate_pair (member_b);

create table member_merge (
    id              uuid        not null primary key,
    organisation_id uuid        not null,
    survivor_id     uuid        not null,
    merged_id       uuid        not null,
    pair_id         uuid,
    merged_by       varchar(64) not null,
    merged_at       timestamp with time zone not null,
    undone_by       varchar(64),
    undone_at       timestamp with time zone
);
create index member_merge_organisation on member_merge (organisation_id, merged_at);

-- Each row a merge moved from one member to the other, by area (module and table) and key.
create table merge_move (
    merge_id        uuid        not null,
    area            varchar(60) not null,
    row_key         varchar(80) not null,
    constraint merge_move_pk primary key (merge_id, area, row_key)
);
