-- Trainings and orientations with attendance and their material (an image or PDF sealed under the
-- training's own key); temporary livelihoods with their status and income band over time and the
-- support given (cash as an expense of the funds ledger, goods as an ISSUE from relief stock);
-- devices issued to members and how each member can be reached.
create table training (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    topic           varchar(32)  not null,
    trainer         varchar(120) not null,
    held_on         date         not null,
    material        bytea,
    material_type   varchar(32),
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint training_topic check (topic in ('COVID_PRECAUTIONS', 'VIDEO_CALLS',
      'MENTAL_HEALTH_STAFF', 'LEADERSHIP', 'OTHER'))
);
create index training_organisation on training (organisation_id, held_on);

create table training_attendance (
    training_id     uuid         not null references training (id),
    organisation_id uuid         not null,
    member_id       uuid         not null,
    primary key (training_id, member_id)
);
create index training_attendance_member on training_attendance (organisation_id, member_id);

create table livelihood (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    activity        varchar(32)  not null,
    started_on      date         not null,
    expense_id      uuid,
    stock_issue_id  uuid,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint livelihood_activity check (activity in ('COOKING_FROM_HOME',
      'FRUIT_VEGETABLE_STALL', 'TAILORING', 'OTHER'))
);
create index livelihood_organisation on livelihood (organisation_id, member_id);

create table livelihood_status (
    id              uuid         not null primary key,
    livelihood_id   uuid         not null references livelihood (id),
    organisation_id uuid         not null,
    status_on       date         not null,
    status          varchar(12)  not null,
    income_band     varchar(24)  not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint livelihood_status_status check (status in ('STARTED', 'RUNNING', 'PAUSED',
      'STOPPED')),
    constraint livelihood_status_band check (income_band in ('NONE', 'UNDER_1000',
      'FROM_1000_TO_3000', 'FROM_3000_TO_6000', 'OVER_6000'))
);
create index livelihood_status_livelihood on livelihood_status (livelihood_id, status_on);

create table device (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    kind            varchar(16)  not null,
    issued_on       date         not null,
    returned_on     date,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint device_kind check (kind in ('SMARTPHONE', 'FEATURE_PHONE', 'TABLET', 'SIM_CARD'))
);
create index device_organisation on device (organisation_id, member_id);

create table member_reach (
    member_id       uuid         not null primary key,
    organisation_id uuid         not null,
    reach           varchar(12)  not null,
    updated_at      timestamp with time zone not null,
    constraint member_reach_reach check (reach in ('NONE', 'PHONE', 'SMARTPHONE', 'MESSAGING'))
);
