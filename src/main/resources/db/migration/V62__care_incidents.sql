-- Safety incidents, the strictest records Sahay keeps: what happened, who did it, where, whether it
-- was reported to the police, the referrals and every follow-up are sealed under the member's own
-- key. In the clear: only that a member of a collective has an incident, open or closed.
create table incident (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    sealed          bytea        not null,
    status          varchar(8)   not null,
    version         integer      not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint incident_status check (status in ('OPEN', 'CLOSED'))
);
create index incident_member on incident (organisation_id, member_id);
create index incident_organisation on incident (organisation_id, status);

create table incident_follow_up (
    id              uuid         not null primary key,
    incident_id     uuid         not null references incident (id),
    organisation_id uuid         not null,
    sealed          bytea        not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null
);
create index incident_follow_up_incident on incident_follow_up (incident_id);
