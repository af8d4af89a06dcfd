-- Informal debts: every fact of a loan (lender, amounts, interest, collateral, signs of bondage, the
-- way out) and of each repayment is sealed under the member's own key, so the table says only that
-- a member of a collective has a loan, open or closed; erasing her leaves nothing readable.
create table loan (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    sealed          bytea        not null,
    status          varchar(8)   not null,
    version         integer      not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint loan_status check (status in ('OPEN', 'CLOSED'))
);
create index loan_member on loan (organisation_id, member_id);
create index loan_organisation on loan (organisation_id, status);

create table loan_repayment (
    id              uuid         not null primary key,
    loan_id         uuid         not null references loan (id),
    organisation_id uuid         not null,
    sealed          bytea        not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null
);
create index loan_repayment_loan on loan_repayment (loan_id);
