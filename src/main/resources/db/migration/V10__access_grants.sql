-- Permissions granted to one user beyond their roles (for now only SENSITIVE_READ: a leader trusted
-- with confidential profiles), always inside the user's own organisation.
create table user_grant (
    user_id    uuid        not null references app_user (id),
    action     varchar(32) not null,
    granted_by varchar(64) not null,
    granted_at timestamp with time zone not null,
    constraint user_grant_pk primary key (user_id, action)
);

-- A member page shows the history of that member.
create index audit_entry_entity on audit_entry (entity_type, entity_id);
