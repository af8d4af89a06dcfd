create table app_user (
    id              uuid          not null primary key,
    organisation_id uuid,
    username        varchar(64)   not null,
    password_hash   varchar(255)  not null,
    language        varchar(8)    not null,
    active          boolean       not null,
    created_at      timestamp with time zone not null,
    password_changed_at timestamp with time zone not null,
    version         integer       not null,
    constraint app_user_username unique (username)
);
create index app_user_organisation on app_user (organisation_id);

create table app_user_role (
    user_id uuid        not null references app_user (id),
    role    varchar(32) not null,
    constraint app_user_role_pk primary key (user_id, role)
);

create table api_token (
    id           uuid         not null primary key,
    user_id      uuid         not null references app_user (id),
    name         varchar(100) not null,
    token_hash   char(64)     not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_token_hash unique (token_hash)
);
create index api_token_user on api_token (user_id);

-- Failed sign-ins per account and per client address, shared by every app node.
create table login_throttle (
    throttle_key     varchar(200) not null primary key,
    failures         integer      not null,
    window_started_at timestamp with time zone not null,
    locked_until     timestamp with time zone
);
