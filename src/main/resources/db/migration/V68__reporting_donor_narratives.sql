-- What a collective writes in its own words on a donor report, per grant or campaign and period.
-- A report to a donor: counts and money only; the page asks that no member be named in it.
create table donor_narrative (
    organisation_id uuid          not null,
    subject_kind    varchar(12)   not null,
    subject_id      uuid          not null,
    period_from     date          not null,
    period_to       date          not null,
    body            varchar(8000) not null,
    version         integer       not null,
    updated_by      varchar(64)   not null,
    updated_at      timestamp with time zone not null,
    constraint donor_narrative_pk primary key (subject_id, period_from, period_to),
    constraint donor_narrative_kind check (subject_kind in ('GRANT', 'CAMPAIGN'))
);
create index donor_narrative_organisation on donor_narrative (organisation_id);
