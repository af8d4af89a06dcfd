-- Member imports from CSV or XLSX. The uploaded file is personal data: it is kept encrypted under
-- the import's own data key (see data_key) and that key is destroyed when the import ends.
create table member_import (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    created_by      varchar(64)  not null,
    file_name       varchar(200) not null,
    file_sha256     char(64)     not null,
    format          varchar(8)   not null,
    content         bytea,
    headers         text         not null,
    mapping         text,
    mode            varchar(16),
    status          varchar(16)  not null,
    total_rows      integer      not null,
    valid_rows      integer,
    invalid_rows    integer,
    processed_rows  integer      not null,
    imported_rows   integer      not null,
    skipped_rows    integer      not null,
    report          text,
    failure         varchar(200),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint member_import_status check (status in ('UPLOADED', 'VALIDATED', 'RUNNING', 'DONE', 'FAILED'))
);
create index member_import_organisation on member_import (organisation_id, created_at);

-- One row per imported line, by a fingerprint of its values, so that importing the same file (or
-- the same line in another file) again creates nothing twice.
create table member_import_row (
    organisation_id uuid     not null,
    fingerprint     char(64) not null,
    member_id       uuid     not null,
    import_id       uuid     not null,
    created_at      timestamp with time zone not null,
    constraint member_import_row_pk primary key (organisation_id, fingerprint)
);
