-- District beneficiary lists. A template says how one receiving office wants its list: which
-- columns in which order, their headings, the date format and the language. A list is built from
-- a selection of members, keeps only those whose consent to share with a district administration
-- held when it was made, and is frozen as sent: each row is sealed under its member's own key, so
-- later edits never change it, and erasing the member makes her row unreadable.
create table list_template (
    id              uuid          not null primary key,
    owner_id        uuid          not null,
    name            varchar(160)  not null,
    columns         varchar(400)  not null,
    headings        varchar(2000) not null,
    date_format     varchar(20)   not null,
    language        varchar(2)    not null,
    version         integer       not null,
    updated_at      timestamp with time zone not null,
    constraint list_template_language check (language in ('en', 'hi', 'te', 'bn'))
);
create index list_template_owner on list_template (owner_id);

create table beneficiary_list (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    office_id       uuid         not null,
    template_id     uuid         not null references list_template (id),
    title           varchar(160) not null,
    selection       varchar(300) not null,
    scheme_id       uuid         references scheme (id),
    row_count       integer      not null,
    left_out        integer      not null,
    sent_by         varchar(100) not null,
    sent_at         timestamp with time zone not null,
    acknowledged_by varchar(100),
    acknowledged_at timestamp with time zone
);
create index beneficiary_list_organisation on beneficiary_list (organisation_id, sent_at);
create index beneficiary_list_office on beneficiary_list (office_id, sent_at);

-- The rows as sent, in order, each sealed under its member's key (one token of her values).
create table beneficiary_list_row (
    list_id         uuid         not null references beneficiary_list (id),
    position        integer      not null,
    member_id       uuid         not null,
    organisation_id uuid         not null,
    sealed          bytea,
    supplied_at     timestamp with time zone,
    supplied_by     varchar(100),
    constraint beneficiary_list_row_pk primary key (list_id, position)
);
create index beneficiary_list_row_member on beneficiary_list_row (member_id);

-- Who was left out for lack of consent: member ids only, for the collective's follow-up.
create table beneficiary_list_left_out (
    list_id         uuid         not null references beneficiary_list (id),
    member_id       uuid         not null,
    organisation_id uuid         not null,
    constraint beneficiary_list_left_out_pk primary key (list_id, member_id)
);

-- Two examples from the lockdown: a district collectorate's relief list in English and a block
-- office's ration list in Telugu.
insert into list_template (id, owner_id, name, columns, headings, date_format, language, version, updated_at) values
('1157e000-0000-4000-8000-000000000001', '00000000-0000-0000-0000-000000000000',
 'District collectorate relief list (English)',
 'SERIAL,NAME,GENDER,AGE,PHONE,VILLAGE,AADHAAR_LAST_FOUR,RATION_CARD,BANK_ACCOUNT',
 'S. No.|Name of the beneficiary|Gender|Age|Mobile number|Village / ward|Aadhaar (last 4 digits)|Ration card|Bank account',
 'dd/MM/yyyy', 'en', 0, current_timestamp),
('1157e000-0000-4000-8000-000000000002', '00000000-0000-0000-0000-000000000000',
 'Mandal office ration list (Telugu)',
 'SERIAL,NAME,AGE,VILLAGE,RATION_CARD,PHONE',
 'క్ర.సం.|లబ్ధిదారు పేరు|వయస్సు|గ్రామం|రేషన్ కార్డు|ఫోన్ నంబర్',
 'dd-MM-yyyy', 'te', 0, current_timestamp);
