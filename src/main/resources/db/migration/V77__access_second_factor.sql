-- A user's second factor: the secret of a time-based one-time code (RFC 6238), sealed under the
-- user's own data key (subject: the user's id), and the last time step accepted, so that a code
-- is used once even on two app nodes; and the wrong codes given lately, so that a password alone
-- cannot be used for guessing codes sign-in after sign-in.
create table user_second_factor (
    user_id      uuid                     not null primary key references app_user (id),
    secret       bytea                    not null,
    enrolled_at  timestamp with time zone not null,
    last_step    bigint                   not null,
    failures     integer                  not null,
    failed_since timestamp with time zone
);
