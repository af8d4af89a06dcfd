-- Health support (sensitive): medicines, supplementary nutrition, ART adherence support, referrals
-- to health centres, support for LGBTQ+ members; what was given, when, by whom, sealed under the
-- member's key, with follow-ups (a referral's outcome). Stock given from relief is taken in the
-- same transaction, as an ISSUE movement of the ledger naming the health-support record.
create table health_support (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    sealed          bytea        not null,
    status          varchar(8)   not null,
    version         integer      not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint health_support_status check (status in ('OPEN', 'CLOSED'))
);
create index health_support_member on health_support (organisation_id, member_id);
create index health_support_organisation on health_support (organisation_id, status);

create table health_support_follow_up (
    id                uuid         not null primary key,
    health_support_id uuid         not null references health_support (id),
    organisation_id   uuid         not null,
    sealed            bytea        not null,
    recorded_by       varchar(100) not null,
    recorded_at       timestamp with time zone not null
);
create index health_support_follow_up_record on health_support_follow_up (health_support_id);

alter table stock_movement drop constraint stock_movement_kind;
alter table stock_movement add constraint stock_movement_kind check (kind in ('RECEIPT',
    'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'DISTRIBUTION', 'REVERSAL', 'ISSUE'));
