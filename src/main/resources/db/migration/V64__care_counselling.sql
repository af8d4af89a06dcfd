-- Counselling. Group sessions (topic, facilitator, day) with attendance by member; individual
-- sessions (counsellor, day, mode, follow-up day) whose notes are sealed under the member's key and
-- opened only for the counsellor who wrote them and the users her record is shared with.
create table counselling_group_session (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    topic           varchar(32)  not null,
    facilitator     varchar(120) not null,
    held_on         date         not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint counselling_group_topic check (topic in ('STRESS_MANAGEMENT', 'RESILIENCE',
      'EMOTIONAL_INTELLIGENCE', 'COLLECTIVE_EFFICACY', 'FITNESS', 'LEADERSHIP', 'OTHER'))
);
create index counselling_group_organisation on counselling_group_session (organisation_id, held_on);

create table counselling_attendance (
    session_id      uuid         not null references counselling_group_session (id),
    organisation_id uuid         not null,
    member_id       uuid         not null,
    primary key (session_id, member_id)
);
create index counselling_attendance_member on counselling_attendance (organisation_id, member_id);

create table counselling_session (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    counsellor      varchar(100) not null,
    held_on         date         not null,
    mode            varchar(12)  not null,
    notes           bytea,
    follow_up_on    date,
    recorded_at     timestamp with time zone not null,
    constraint counselling_session_mode check (mode in ('IN_PERSON', 'PHONE', 'VIDEO'))
);
create index counselling_session_member on counselling_session (organisation_id, member_id, held_on);

create table counselling_share (
    organisation_id uuid         not null,
    member_id       uuid         not null,
    username        varchar(100) not null,
    granted_by      varchar(100) not null,
    granted_at      timestamp with time zone not null,
    primary key (member_id, username)
);
