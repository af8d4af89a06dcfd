-- Households of members: the registered members who live together, one of them perhaps the head,
-- and their dependents (children, elderly people, people with disabilities), who are not members
-- and have no record of their own. Money is in paise. A member lives in at most one household.
create table household (
    id                        uuid         not null primary key,
    organisation_id           uuid         not null,
    head_member_id            uuid         references member (id),
    housing                   varchar(16)  not null,
    monthly_rent_paise        bigint,
    electricity_arrears_paise bigint,
    income_sources            varchar(200),
    village                   varchar(100),
    district                  varchar(100),
    version                   integer      not null,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    constraint household_housing check (housing in ('OWN', 'RENTED', 'NO_HOME', 'EVICTION_THREAT')),
    constraint household_rent check (monthly_rent_paise is null or monthly_rent_paise >= 0),
    constraint household_arrears check (electricity_arrears_paise is null or electricity_arrears_paise >= 0)
);
create index household_organisation on household (organisation_id);

create table household_member (
    household_id    uuid        not null references household (id),
    member_id       uuid        not null references member (id),
    organisation_id uuid        not null,
    relation        varchar(16) not null,
    constraint household_member_pk primary key (household_id, member_id),
    constraint household_member_once unique (member_id),
    constraint household_member_relation check (relation in ('HEAD', 'MEMBER'))
);
create index household_member_organisation on household_member (organisation_id, household_id);

-- sort_order keeps dependents in the order they were entered.
create table household_dependent (
    id              uuid         not null primary key,
    household_id    uuid         not null references household (id),
    organisation_id uuid         not null,
    sort_order      integer      not null,
    kind            varchar(16)  not null,
    name            varchar(100),
    age             integer      not null,
    in_school       boolean,
    notes           varchar(200),
    constraint household_dependent_kind check (kind in ('CHILD', 'ELDERLY', 'DISABLED', 'OTHER_ADULT')),
    constraint household_dependent_age check (age between 0 and 120)
);
create index household_dependent_household on household_dependent (organisation_id, household_id);
