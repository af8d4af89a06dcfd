-- Which records a stored answer names (every id in its body), so that erasing a member can strip
-- the answers that would replay her data.
create table idempotency_subject (
    principal  varchar(128) not null,
    idem_key   varchar(200) not null,
    subject    uuid         not null,
    constraint idempotency_subject_pk primary key (subject, principal, idem_key),
    constraint idempotency_subject_record foreign key (principal, idem_key)
        references idempotency_record (principal, idem_key) on delete cascade
);
