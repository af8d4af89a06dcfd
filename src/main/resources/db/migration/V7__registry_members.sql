-- Members of collectives. Names, phones and places are personal data kept in plain columns so
-- that they can be searched within the collective; the sensitive profile (occupation, health,
-- identities, notes) is one ciphertext under the member's own data key (see data_key).
create table member_code_sequence (
    organisation_id uuid   not null primary key,
    next_value      bigint not null
);

create table member (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    code            varchar(16)  not null,
    name            varchar(200),
    alias           varchar(200),
    gender          varchar(16)  not null,
    date_of_birth   date,
    birth_year      integer,
    phone           varchar(20),
    other_phone     varchar(20),
    state           varchar(100),
    district        varchar(100),
    block           varchar(100),
    village         varchar(100),
    joined_on       date,
    status          varchar(16)  not null,
    languages       varchar(40),
    has_smartphone  boolean,
    sensitive       bytea,
    name_key        varchar(600),
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    erased_at       timestamp with time zone,
    constraint member_code unique (organisation_id, code),
    constraint member_gender check (gender in ('FEMALE', 'MALE', 'TRANSGENDER', 'OTHER', 'NOT_STATED')),
    constraint member_status check (status in ('ACTIVE', 'MOVED', 'DECEASED', 'WITHDRAWN', 'ERASED'))
);
create index member_organisation_phone on member (organisation_id, phone);
create index member_organisation_village on member (organisation_id, village);

create table member_document (
    id              uuid        not null primary key,
    member_id       uuid        not null references member (id),
    organisation_id uuid        not null,
    type            varchar(24) not null,
    status          varchar(16) not null,
    number          varchar(40),
    detail          varchar(100),
    jan_dhan        boolean,
    updated_at      timestamp with time zone not null,
    constraint member_document_type unique (member_id, type),
    constraint member_document_status check (status in ('HAVE', 'MISSING', 'APPLIED', 'REJECTED', 'LOST'))
);

-- Consent per purpose, with its whole history: the latest row per purpose is what holds.
create table member_consent (
    id              uuid        not null primary key,
    member_id       uuid        not null references member (id),
    organisation_id uuid        not null,
    purpose         varchar(32) not null,
    granted         boolean     not null,
    recorded_by     varchar(64) not null,
    recorded_at     timestamp with time zone not null
);
create index member_consent_member on member_consent (member_id, purpose, recorded_at);
