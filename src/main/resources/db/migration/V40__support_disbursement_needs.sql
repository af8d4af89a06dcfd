-- The needs a payment marked met, each with what it was before (open, or being met), so that
-- reversing the payment puts them back where they were, as reversing a hand-over does.
create table disbursement_need (
    disbursement_id uuid        not null references disbursement (id),
    need_id         uuid        not null,
    organisation_id uuid        not null,
    was_status      varchar(12) not null,
    constraint disbursement_need_pk primary key (disbursement_id, need_id)
);
