create table organisation (
    id               uuid          not null primary key,
    name             varchar(200)  not null,
    kind             varchar(16)   not null,
    state            varchar(100)  not null,
    district         varchar(100)  not null,
    short_code       varchar(8)    not null,
    default_language varchar(8)    not null,
    time_zone        varchar(64)   not null,
    active           boolean       not null,
    created_at       timestamp with time zone not null,
    constraint organisation_short_code unique (short_code),
    constraint organisation_kind check (kind in ('COLLECTIVE', 'MENTOR', 'FUNDER', 'NETWORK'))
);

-- A mentor supports collectives; a funder funds organisations.
create table organisation_link (
    from_organisation_id uuid        not null references organisation (id),
    to_organisation_id   uuid        not null references organisation (id),
    kind                 varchar(16) not null,
    created_at           timestamp with time zone not null,
    constraint organisation_link_pk primary key (from_organisation_id, to_organisation_id, kind),
    constraint organisation_link_kind check (kind in ('MENTOR_OF', 'FUNDER_OF')),
    constraint organisation_link_not_self check (from_organisation_id <> to_organisation_id)
);
create index organisation_link_to on organisation_link (to_organisation_id);
