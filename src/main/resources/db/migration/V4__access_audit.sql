-- Append-only audit log, one hash chain per organisation (and one for the system), so that
-- audited writes of different organisations never wait for each other.
create table audit_chain_head (
    chain_key varchar(64) not null primary key,
    last_seq  bigint      not null,
    last_hash char(64)    not null
);
insert into audit_chain_head (chain_key, last_seq, last_hash)
values ('system', 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_entry (
    id              uuid          not null primary key,
    chain_key       varchar(64)   not null,
    seq             bigint        not null,
    organisation_id uuid,
    actor           varchar(64)   not null,
    action          varchar(64)   not null,
    entity_type     varchar(64)   not null,
    entity_id       varchar(64),
    summary         varchar(500)  not null,
    occurred_at     timestamp with time zone not null,
    prev_hash       char(64)      not null,
    hash            char(64)      not null,
    constraint audit_entry_chain_seq unique (chain_key, seq)
);
create index audit_entry_organisation on audit_entry (organisation_id, occurred_at);
