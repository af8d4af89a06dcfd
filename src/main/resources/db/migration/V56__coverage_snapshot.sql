-- Coverage over time: once a day each collective's coverage per district is written into the row
-- of the month (the last write of a month is how the month ended). Counts only: no member is named.
create table coverage_snapshot (
    organisation_id uuid         not null,
    for_month       date         not null,
    district        varchar(100) not null,
    members         integer      not null,
    ration_card     integer      not null,
    bank_account    integer      not null,
    aadhaar         integer      not null,
    voter_id        integer      not null,
    taken_at        timestamp with time zone not null,
    primary key (organisation_id, for_month, district)
);
