-- Each running app node says it is alive; a claimed idempotency key remembers which node holds it,
-- so that a retry after that node died (restart, crash, killed mid-request) may take the key over
-- at once instead of waiting out the stale timeout.
create table app_node (
    id         uuid                     not null,
    started_at timestamp with time zone not null,
    seen_at    timestamp with time zone not null,
    constraint app_node_pk primary key (id)
);
alter table idempotency_record add column owner_node uuid;
