-- Support requests from a collective to a funder or mentor: budget lines with the households or
-- members each is for (shown to the funder as codes only), the decision per line, comments.
create table support_request (
    id              uuid          not null primary key,
    organisation_id uuid          not null,
    addressed_to    uuid          not null,
    title           varchar(200)  not null,
    justification   varchar(2000),
    status          varchar(16)   not null,
    grant_id        uuid,
    fund_id         uuid,
    version         integer       not null,
    created_by      varchar(64)   not null,
    created_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    constraint support_request_status check (status in ('DRAFT', 'SUBMITTED', 'APPROVED',
        'PARTLY_APPROVED', 'REJECTED', 'DISBURSING', 'CLOSED'))
);
create index support_request_organisation on support_request (organisation_id, created_at);
create index support_request_addressed on support_request (addressed_to, status);

create table support_line (
    id                  uuid         not null primary key,
    request_id          uuid         not null references support_request (id),
    organisation_id     uuid         not null,
    line_no             integer      not null,
    category            varchar(24)  not null,
    description         varchar(300) not null,
    amount_paise        bigint       not null,
    instalments_allowed boolean      not null,
    approved_paise      bigint,
    decision_comment    varchar(500),
    disbursed_paise     bigint       not null,
    constraint support_line_amount check (amount_paise > 0),
    constraint support_line_approved check (approved_paise is null
        or (approved_paise >= 0 and approved_paise <= amount_paise)),
    constraint support_line_disbursed check (disbursed_paise >= 0
        and disbursed_paise <= coalesce(approved_paise, 0))
);
create index support_line_request on support_line (request_id, line_no);

-- Whom a line is for: m:<member id> or h:<household id>.
create table support_line_recipient (
    line_id         uuid        not null references support_line (id),
    organisation_id uuid        not null,
    recipient       varchar(40) not null,
    constraint support_line_recipient_pk primary key (line_id, recipient)
);

create table support_comment (
    id              uuid          not null primary key,
    request_id      uuid          not null references support_request (id),
    author_org      uuid          not null,
    author          varchar(64)   not null,
    body            varchar(1000) not null,
    created_at      timestamp with time zone not null
);
create index support_comment_request on support_comment (request_id, created_at);

-- Cash paid against an approved line. Corrections are reversals (the row stays, marked), never
-- deletions. A line without instalments pays each recipient once: the claim row's key says so,
-- and the claim is given back when the payment is reversed.
create table disbursement (
    id                uuid         not null primary key,
    organisation_id   uuid         not null,
    request_id        uuid         not null references support_request (id),
    line_id           uuid         not null references support_line (id),
    recipient         varchar(40)  not null,
    amount_paise      bigint       not null,
    mode              varchar(16)  not null,
    reference         varchar(100),
    paid_on           date         not null,
    expense_id        uuid         not null,
    journal_entry_id  uuid         not null,
    recorded_by       varchar(64)  not null,
    recorded_at       timestamp with time zone not null,
    reversed_at       timestamp with time zone,
    reversed_by       varchar(64),
    reversal_reason   varchar(500),
    constraint disbursement_amount check (amount_paise > 0),
    constraint disbursement_mode check (mode in ('BANK_TRANSFER', 'UPI', 'CASH'))
);
create index disbursement_line on disbursement (line_id, recipient);
create index disbursement_organisation on disbursement (organisation_id, recorded_at);

create table disbursement_claim (
    line_id         uuid        not null references support_line (id),
    recipient       varchar(40) not null,
    disbursement_id uuid        not null,
    constraint disbursement_claim_pk primary key (line_id, recipient)
);
