-- Campaigns, donations with receipts, grants with instalments, and expenses. Each money row names
-- the journal entry it posted, in the same transaction.

create table campaign (
    id                uuid         not null primary key,
    organisation_id   uuid         not null references funds_ledger (organisation_id),
    fund_id           uuid         not null references fund (id),
    name              varchar(200) not null,
    goal              bigint       not null,
    starts_on         date         not null,
    ends_on           date,
    channel           varchar(24)  not null,
    beneficiary_group varchar(200),
    slug              varchar(60)  not null,
    transparency      boolean      not null,
    created_by        varchar(64)  not null,
    created_at        timestamp with time zone not null,
    constraint campaign_slug unique (slug),
    constraint campaign_goal check (goal > 0),
    constraint campaign_period check (ends_on is null or ends_on >= starts_on)
);
create index campaign_organisation on campaign (organisation_id);

create table campaign_partner (
    campaign_id uuid         not null references campaign (id),
    position    integer      not null,
    name        varchar(200) not null,
    constraint campaign_partner_pk primary key (campaign_id, position)
);

-- The next receipt number per organisation and Indian financial year (April to March).
create table receipt_sequence (
    organisation_id uuid       not null,
    financial_year  varchar(7) not null,
    next_value      bigint     not null,
    constraint receipt_sequence_pk primary key (organisation_id, financial_year)
);

-- Donor name and contact are personal data: encrypted under the donation's own data key.
create table donation (
    id               uuid        not null primary key,
    organisation_id  uuid        not null references funds_ledger (organisation_id),
    campaign_id      uuid        not null references campaign (id),
    fund_id          uuid        not null references fund (id),
    account_id       uuid        not null references ledger_account (id),
    amount           bigint      not null,
    received_on      date        not null,
    channel          varchar(20) not null,
    reference        varchar(100),
    anonymous        boolean     not null,
    donor_name       bytea,
    donor_contact    bytea,
    receipt_number   varchar(20) not null,
    journal_entry_id uuid        not null references journal_entry (id),
    recorded_by      varchar(64) not null,
    recorded_at      timestamp with time zone not null,
    constraint donation_receipt unique (organisation_id, receipt_number),
    constraint donation_amount check (amount > 0),
    constraint donation_channel check (
        channel in ('UPI', 'BANK_TRANSFER', 'CASH', 'ONLINE_PLATFORM')),
    constraint donation_anonymous check (
        anonymous = false or (donor_name is null and donor_contact is null))
);
create index donation_campaign on donation (campaign_id, received_on);

create table grant_award (
    id                    uuid         not null primary key,
    organisation_id       uuid         not null references funds_ledger (organisation_id),
    funder_id             uuid         not null,
    fund_id               uuid         not null references fund (id),
    title                 varchar(200) not null,
    amount                bigint       not null,
    starts_on             date         not null,
    ends_on               date         not null,
    purposes              varchar(2000) not null,
    foreign_contribution  boolean      not null,
    created_by            varchar(64)  not null,
    created_at            timestamp with time zone not null,
    constraint grant_award_amount check (amount > 0),
    constraint grant_award_period check (ends_on >= starts_on)
);
create index grant_award_organisation on grant_award (organisation_id);
create index grant_award_funder on grant_award (funder_id);

create table grant_instalment (
    id               uuid         not null primary key,
    grant_id         uuid         not null references grant_award (id),
    organisation_id  uuid         not null,
    account_id       uuid         not null references ledger_account (id),
    amount           bigint       not null,
    received_on      date         not null,
    reference        varchar(100),
    journal_entry_id uuid         not null references journal_entry (id),
    recorded_by      varchar(64)  not null,
    recorded_at      timestamp with time zone not null,
    constraint grant_instalment_amount check (amount > 0)
);
create index grant_instalment_grant on grant_instalment (grant_id);

create table expense (
    id               uuid         not null primary key,
    organisation_id  uuid         not null references funds_ledger (organisation_id),
    fund_id          uuid         not null references fund (id),
    account_id       uuid         not null references ledger_account (id),
    category         varchar(24)  not null,
    payee            varchar(200) not null,
    amount           bigint       not null,
    spent_on         date         not null,
    bought           varchar(500) not null,
    people_reached   integer      not null,
    reference        varchar(100),
    journal_entry_id uuid         not null references journal_entry (id),
    recorded_by      varchar(64)  not null,
    recorded_at      timestamp with time zone not null,
    constraint expense_amount check (amount > 0),
    constraint expense_people check (people_reached >= 0)
);
create index expense_fund on expense (fund_id, spent_on);
