-- Advocacy: the stakeholders a collective works on (departments, the district administration,
-- police, media, panchayats, leaders, religious bodies, influential people), the people it deals
-- with there, and every engagement with its follow-up. A contact person's name, phone and role,
-- and what an engagement's record says, are sealed under keys of their own.
create table stakeholder (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    kind            varchar(32)  not null,
    name            varchar(160) not null,
    district        varchar(100),
    created_at      timestamp with time zone not null,
    constraint stakeholder_kind check (kind in ('GOVERNMENT_DEPARTMENT', 'DISTRICT_ADMINISTRATION',
      'POLICE', 'MEDIA', 'NGO', 'PANCHAYAT', 'POLITICAL_LEADER', 'RELIGIOUS_BODY',
      'INFLUENTIAL_INDIVIDUAL'))
);
create index stakeholder_organisation on stakeholder (organisation_id, name);

create table stakeholder_contact (
    id              uuid         not null primary key,
    stakeholder_id  uuid         not null references stakeholder (id),
    organisation_id uuid         not null,
    sealed          bytea        not null,
    created_at      timestamp with time zone not null
);
create index stakeholder_contact_stakeholder on stakeholder_contact (stakeholder_id);

create table engagement (
    id              uuid         not null primary key,
    stakeholder_id  uuid         not null references stakeholder (id),
    organisation_id uuid         not null,
    kind            varchar(16)  not null,
    happened_on     date         not null,
    sealed          bytea        not null,
    follow_up_on    date,
    followed_up     boolean      not null,
    donation_id     uuid,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint engagement_kind check (kind in ('MEETING', 'CALL', 'LETTER', 'PETITION', 'MEDIA_STORY'))
);
create index engagement_stakeholder on engagement (stakeholder_id, happened_on);
create index engagement_follow_up on engagement (organisation_id, followed_up, follow_up_on);
