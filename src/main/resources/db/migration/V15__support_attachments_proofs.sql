-- Files of support requests: quotes, lists and letters attached to a request (kind ATTACHMENT), and
-- the proof of a disbursement (kind PROOF, one per disbursement). An image or a PDF each, stored as
-- one ciphertext under a data key of its own subject (the request for attachments, the disbursement
-- for its proof): never the plain bytes, and never the uploaded file's name, which can hold one.
create table support_file (
    id              uuid        not null primary key,
    request_id      uuid        not null references support_request (id),
    disbursement_id uuid        references disbursement (id),
    organisation_id uuid        not null,
    kind            varchar(12) not null,
    content_type    varchar(40) not null,
    size_bytes      integer     not null,
    content         bytea       not null,
    uploaded_by     varchar(64) not null,
    uploaded_at     timestamp with time zone not null,
    constraint support_file_kind check (
        (kind = 'ATTACHMENT' and disbursement_id is null)
        or (kind = 'PROOF' and disbursement_id is not null)),
    constraint support_file_type check (
        content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    constraint support_file_size check (size_bytes > 0 and size_bytes <= 5242880),
    constraint support_file_one_proof unique (disbursement_id)
);
create index support_file_request on support_file (request_id, kind, uploaded_at);

-- What a line buys where it is counted in things (40 ration kits) rather than rupees alone.
alter table support_line add column quantity integer;
alter table support_line add constraint support_line_quantity check (quantity is null or quantity > 0);
