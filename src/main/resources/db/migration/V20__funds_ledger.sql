-- The double-entry ledger of each organisation. Money is bigint paise everywhere.
--
-- The database itself refuses an unbalanced entry, without triggers, on H2 and PostgreSQL alike:
-- the lines of an entry form a chain (line n+1 names line n and carries the running totals on),
-- and the entry row, written after its lines, names its last line with the totals it reached.
-- A check on the entry says that those totals are equal; foreign keys say that the chain is
-- unbroken, that no line follows the last one, and that the entry's totals are the real ones.
-- So a line cannot be added, changed or removed afterwards either.

-- One row per organisation that keeps books; created with its chart of accounts.
create table funds_ledger (
    organisation_id uuid not null primary key,
    created_at      timestamp with time zone not null
);

create table ledger_account (
    id              uuid         not null primary key,
    organisation_id uuid         not null references funds_ledger (organisation_id),
    code            varchar(60)  not null,
    kind            varchar(16)  not null,
    name            varchar(200) not null,
    fcra            boolean      not null,
    created_at      timestamp with time zone not null,
    constraint ledger_account_code unique (organisation_id, code),
    constraint ledger_account_kind check (kind in ('CASH', 'BANK', 'FUND', 'INCOME', 'EXPENSE')),
    constraint ledger_account_fcra_bank check (fcra = false or kind = 'BANK')
);

create table journal_line (
    id                  uuid    not null primary key,
    entry_id            uuid    not null,
    organisation_id     uuid    not null,
    line_no             integer not null,
    account_id          uuid    not null references ledger_account (id),
    debit               bigint  not null,
    credit              bigint  not null,
    running_debit       bigint  not null,
    running_credit      bigint  not null,
    last_line           boolean not null,
    prev_line_no        integer,
    prev_running_debit  bigint,
    prev_running_credit bigint,
    prev_last_line      boolean,
    constraint journal_line_no unique (entry_id, line_no),
    constraint journal_line_chain_key
        unique (entry_id, line_no, running_debit, running_credit, last_line),
    constraint journal_line_one_side check (
        debit >= 0 and credit >= 0 and ((debit > 0 and credit = 0) or (debit = 0 and credit > 0))),
    constraint journal_line_first check (
        (line_no = 1 and prev_line_no is null and prev_running_debit is null
            and prev_running_credit is null and prev_last_line is null
            and running_debit = debit and running_credit = credit)
        or (line_no > 1 and prev_line_no = line_no - 1 and prev_running_debit is not null
            and prev_running_credit is not null and prev_last_line = false
            and running_debit = prev_running_debit + debit
            and running_credit = prev_running_credit + credit)),
    constraint journal_line_follows foreign key
        (entry_id, prev_line_no, prev_running_debit, prev_running_credit, prev_last_line)
        references journal_line (entry_id, line_no, running_debit, running_credit, last_line)
);
create index journal_line_account on journal_line (organisation_id, account_id);

create table journal_entry (
    id              uuid         not null primary key,
    organisation_id uuid         not null references funds_ledger (organisation_id),
    entry_date      date         not null,
    kind            varchar(20)  not null,
    source_id       uuid,
    description     varchar(300) not null,
    line_count      integer      not null,
    debit_total     bigint       not null,
    credit_total    bigint       not null,
    last_line       boolean      not null,
    reverses_id     uuid references journal_entry (id),
    reason          varchar(500),
    posted_by       varchar(64)  not null,
    posted_at       timestamp with time zone not null,
    constraint journal_entry_balanced check (
        debit_total = credit_total and debit_total > 0 and line_count >= 2 and last_line = true),
    constraint journal_entry_lines foreign key (id, line_count, debit_total, credit_total, last_line)
        references journal_line (entry_id, line_no, running_debit, running_credit, last_line),
    constraint journal_entry_reversed_once unique (reverses_id),
    constraint journal_entry_reversal_reason check (
        (reverses_id is null and kind <> 'REVERSAL')
        or (reverses_id is not null and kind = 'REVERSAL' and reason is not null)),
    constraint journal_entry_kind check (
        kind in ('DONATION', 'GRANT_INSTALMENT', 'EXPENSE', 'REVERSAL'))
);
create index journal_entry_organisation on journal_entry (organisation_id, entry_date);

-- A fund is a net-asset account of the ledger with its balance kept on this row, which every
-- posting to the fund locks: so two expenses can never both spend the last rupees of a fund.
create table fund (
    id                   uuid         not null primary key,
    organisation_id      uuid         not null references funds_ledger (organisation_id),
    account_id           uuid         not null references ledger_account (id),
    kind                 varchar(16)  not null,
    name                 varchar(200) not null,
    restricted           boolean      not null,
    foreign_contribution boolean      not null,
    raised               bigint       not null,
    spent                bigint       not null,
    constraint fund_account unique (account_id),
    constraint fund_kind check (kind in ('UNRESTRICTED', 'CAMPAIGN', 'GRANT')),
    constraint fund_amounts check (raised >= 0 and spent >= 0),
    constraint fund_restricted_not_below_zero check (restricted = false or raised >= spent)
);
create index fund_organisation on fund (organisation_id);
