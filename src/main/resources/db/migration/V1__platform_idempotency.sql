-- Answers to creating API calls, kept so that a repeated Idempotency-Key replays the first answer.
create table idempotency_record (
    principal             varchar(128)  not null,
    idem_key              varchar(200)  not null,
    request_hash          char(64)      not null,
    state                 varchar(16)   not null,
    response_status       integer,
    response_content_type varchar(255),
    response_body         text,
    created_at            timestamp with time zone not null,
    completed_at          timestamp with time zone,
    constraint idempotency_record_pk primary key (principal, idem_key),
    constraint idempotency_record_state check (state in ('IN_PROGRESS', 'COMPLETE'))
);
create index idempotency_record_created on idempotency_record (created_at);
