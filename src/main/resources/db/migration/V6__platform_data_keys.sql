-- One data key per subject (a member, later an incident or a counselling client), wrapped by the
-- master keyset that lives outside the database. Deleting the row makes everything encrypted
-- under it unreadable: that is how a member is erased.
create table data_key (
    subject_id      uuid         not null primary key,
    organisation_id uuid         not null,
    wrapped_key     bytea        not null,
    created_at      timestamp with time zone not null
);
create index data_key_organisation on data_key (organisation_id);

-- A value encrypted under the master keyset when the database was first used, so that starting
-- with the wrong master keyset is refused instead of writing data nobody can read later.
create table master_key_check (
    id         integer      not null primary key,
    ciphertext bytea        not null,
    created_at timestamp with time zone not null
);
