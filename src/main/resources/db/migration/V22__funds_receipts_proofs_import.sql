-- The 80G registration an organisation prints on its donation receipts, where it has one.
alter table organisation add column registration_80g varchar(60);

-- Finding a donation by its bank or platform reference, so that an imported statement skips
-- references already recorded.
create index donation_reference on donation (organisation_id, reference);

-- Proof of an expense (an image or a PDF): one ciphertext under the expense's own data key.
create table expense_proof (
    expense_id      uuid        not null primary key references expense (id),
    organisation_id uuid        not null,
    content_type    varchar(40) not null,
    size_bytes      integer     not null,
    content         bytea       not null,
    uploaded_by     varchar(64) not null,
    uploaded_at     timestamp with time zone not null,
    constraint expense_proof_type check (
        content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    constraint expense_proof_size check (size_bytes > 0 and size_bytes <= 5242880)
);
