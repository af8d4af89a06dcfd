-- A government office (a district administration) is an organisation too: its district liaison
-- users see only the beneficiary lists collectives send it. It is linked to the collectives it
-- works with (LIAISES_WITH, from the office to the collective).
alter table organisation drop constraint organisation_kind;
alter table organisation add constraint organisation_kind
    check (kind in ('COLLECTIVE', 'MENTOR', 'FUNDER', 'NETWORK', 'DISTRICT_OFFICE'));
alter table organisation_link drop constraint organisation_link_kind;
alter table organisation_link add constraint organisation_link_kind
    check (kind in ('MENTOR_OF', 'FUNDER_OF', 'LIAISES_WITH'));
