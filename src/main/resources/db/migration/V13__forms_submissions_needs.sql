-- Questionnaire versions a collective uses (uploaded XLSForms, and the built-in forms the first
-- time they are filled), each with its definition as given, so that answers given against an
-- old version stay readable after the form changes.
create table form_version (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    form_id         varchar(100) not null,
    version         varchar(40)  not null,
    title           varchar(200),
    definition      text         not null,
    built_in        boolean      not null,
    sensitive       boolean      not null,
    created_by      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    constraint form_version_once unique (organisation_id, form_id, version)
);
create index form_version_latest on form_version (organisation_id, form_id, created_at);

-- Filled forms. The answers are one ciphertext under the submission's own data key (screening
-- answers are sensitive, and all answers are personal); erasing the member destroys the key.
create table form_submission (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    form_version_id uuid         not null references form_version (id),
    member_id       uuid,
    household_id    uuid,
    answers         bytea,
    submitted_by    varchar(64)  not null,
    submitted_at    timestamp with time zone not null
);
create index form_submission_member on form_submission (organisation_id, member_id);
create index form_submission_household on form_submission (organisation_id, household_id);

-- The needs register: what a household or member needs, how badly, and where following it up
-- stands. Categories and severities are plain (they are counted); the history is kept.
create table need (
    id              uuid        not null primary key,
    organisation_id uuid        not null,
    member_id       uuid,
    household_id    uuid,
    category        varchar(16) not null,
    severity        varchar(8)  not null,
    status          varchar(12) not null,
    sensitive       boolean     not null,
    follow_up_by    varchar(64),
    submission_id   uuid,
    version         integer     not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint need_category check (category in ('FOOD', 'RENT', 'ELECTRICITY', 'MEDICAL',
        'MENTAL_HEALTH', 'DOCUMENTS', 'DEBT', 'LIVELIHOOD', 'SAFETY', 'EDUCATION')),
    constraint need_severity check (severity in ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    constraint need_status check (status in ('OPEN', 'BEING_MET', 'MET', 'REFERRED', 'CLOSED'))
);
create index need_organisation_status on need (organisation_id, status, created_at);
create index need_member on need (organisation_id, member_id);
create index need_household on need (organisation_id, household_id);

create table need_event (
    id          uuid        not null primary key,
    need_id     uuid        not null references need (id),
    status      varchar(12) not null,
    severity    varchar(8)  not null,
    follow_up_by varchar(64),
    recorded_by varchar(64) not null,
    recorded_at timestamp with time zone not null
);
create index need_event_need on need_event (need_id, recorded_at);
