-- Passkeys (WebAuthn). Each user who adds one is given a random handle, which authenticators keep
-- instead of anything that names the person; each passkey keeps its public key, the counter and
-- flags its authenticator reported, and the (attestation-free) object it was registered with,
-- which the verification of later sign-ins reads. Nothing here opens anything: a copy of these
-- rows lets nobody sign in.
create table passkey_user (
    user_id     uuid        not null primary key references app_user (id),
    user_handle bytea       not null unique
);

create table passkey_credential (
    id                 uuid                     not null primary key,
    credential_id      bytea                    not null unique,
    user_id            uuid                     not null references app_user (id),
    label              varchar(60)              not null,
    public_key         bytea                    not null,
    signature_count    bigint                   not null,
    uv_initialized     boolean                  not null,
    backup_eligible    boolean                  not null,
    backup_state       boolean                  not null,
    transports         varchar(200)             not null,
    attestation_object bytea                    not null,
    created_at         timestamp with time zone not null,
    last_used_at       timestamp with time zone
);

create index passkey_credential_user on passkey_credential (user_id);

-- Sign-in challenges already answered, kept until they expire, so that one answer (a challenge and
-- its signature) signs in once, on whichever node.
create table passkey_challenge_used (
    challenge_hash bytea                    not null primary key,
    expires_at     timestamp with time zone not null
);
