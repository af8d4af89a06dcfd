-- Large exports run in the background: the job, who asked and why, how far it has got, and until
-- when its file may be downloaded (by the one who asked only). The file lies in the data directory
-- and goes with the row when it expires, when it fails, or when a member of the collective is
-- erased.
create table export_job (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    requested_by    varchar(64)  not null,
    kind            varchar(40)  not null,
    format          varchar(8)   not null,
    period_from     date         not null,
    period_until    date         not null,
    purpose         varchar(300) not null,
    status          varchar(12)  not null,
    rows_total      bigint       not null,
    rows_done       bigint       not null,
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    expires_at      timestamp with time zone not null,
    constraint export_job_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint export_job_format check (format in ('CSV', 'XLSX'))
);
create index export_job_requester on export_job (organisation_id, requested_by, created_at);
create index export_job_expiry on export_job (expires_at);
