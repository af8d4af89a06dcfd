-- Drives: a named effort to get one scheme for a group of members (open 60 Jan Dhan accounts in
-- Guntur this month), the members in it, and its target. What became of each member is her
-- standing with the drive's scheme (entitlement), so a step recorded anywhere counts here too.
create table drive (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    scheme_id       uuid         not null references scheme (id),
    name            varchar(160) not null,
    starts_on       date         not null,
    ends_on         date         not null,
    place           varchar(160),
    target_group    varchar(300),
    target_number   integer      not null,
    created_by      varchar(100) not null,
    created_at      timestamp with time zone not null,
    constraint drive_period check (ends_on >= starts_on),
    constraint drive_target check (target_number > 0)
);
create index drive_organisation on drive (organisation_id, starts_on);

create table drive_member (
    drive_id        uuid         not null references drive (id),
    member_id       uuid         not null,
    organisation_id uuid         not null,
    added_by        varchar(100) not null,
    added_at        timestamp with time zone not null,
    constraint drive_member_pk primary key (drive_id, member_id)
);
create index drive_member_member on drive_member (member_id);
