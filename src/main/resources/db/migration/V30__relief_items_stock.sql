-- In-kind relief, part one: items and kits, stock locations, batches with expiry dates, and the
-- ledger of every movement. Quantities are in the item's unit, up to three decimals (0.5 kg).
-- Stock on hand is kept twice on purpose: per batch (for first-expiring-first-out) and per
-- location and item (stock_balance), whose row is locked by every writer, so two phones can never
-- both take the last kit. Both carry a CHECK that they never go below zero.
create table relief_item (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    name_en         varchar(120),
    name_hi         varchar(120),
    name_te         varchar(120),
    name_bn         varchar(120),
    unit            varchar(16)  not null,
    category        varchar(16)  not null,
    created_at      timestamp with time zone not null,
    constraint relief_item_unit check (unit in ('KG', 'LITRE', 'PACKET', 'PIECE', 'KIT')),
    constraint relief_item_category check (category in ('FOOD', 'HYGIENE', 'MEDICINE', 'NUTRITION', 'OTHER'))
);
create index relief_item_organisation on relief_item (organisation_id);

create table relief_kit (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    name_en         varchar(120),
    name_hi         varchar(120),
    name_te         varchar(120),
    name_bn         varchar(120),
    created_at      timestamp with time zone not null
);
create index relief_kit_organisation on relief_kit (organisation_id);

create table relief_kit_line (
    kit_id          uuid           not null references relief_kit (id),
    item_id         uuid           not null references relief_item (id),
    organisation_id uuid           not null,
    quantity        numeric(14, 3) not null,
    constraint relief_kit_line_pk primary key (kit_id, item_id),
    constraint relief_kit_line_quantity check (quantity > 0)
);

create table stock_location (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    name            varchar(120) not null,
    created_at      timestamp with time zone not null
);
create index stock_location_organisation on stock_location (organisation_id);

-- The row every change of an item's stock at a location locks first.
create table stock_balance (
    location_id     uuid           not null references stock_location (id),
    item_id         uuid           not null references relief_item (id),
    organisation_id uuid           not null,
    on_hand         numeric(14, 3) not null,
    constraint stock_balance_pk primary key (location_id, item_id),
    constraint stock_balance_not_negative check (on_hand >= 0)
);
create index stock_balance_organisation on stock_balance (organisation_id, location_id);

-- What arrived together with one expiry date (or none): distributions take from the batch that
-- expires first.
create table stock_batch (
    id              uuid           not null primary key,
    organisation_id uuid           not null,
    location_id     uuid           not null references stock_location (id),
    item_id         uuid           not null references relief_item (id),
    expires_on      date,
    on_hand         numeric(14, 3) not null,
    created_at      timestamp with time zone not null,
    constraint stock_batch_not_negative check (on_hand >= 0)
);
create index stock_batch_fefo on stock_batch (location_id, item_id, expires_on, created_at);
create index stock_batch_expiry on stock_batch (organisation_id, expires_on);

-- Where stock came from. expense_id points to an expense in the funds ledger (another module):
-- a reference by id only, with no foreign key, as modules never share tables.
create table stock_receipt (
    id              uuid           not null primary key,
    organisation_id uuid           not null,
    location_id     uuid           not null references stock_location (id),
    item_id         uuid           not null references relief_item (id),
    batch_id        uuid           not null references stock_batch (id),
    quantity        numeric(14, 3) not null,
    source          varchar(24)    not null,
    source_note     varchar(200),
    expense_id      uuid,
    received_on     date           not null,
    recorded_by     varchar(64)    not null,
    recorded_at     timestamp with time zone not null,
    constraint stock_receipt_quantity check (quantity > 0),
    constraint stock_receipt_source check (source in ('DONATION_IN_KIND', 'PURCHASE', 'GOVERNMENT', 'NETWORK', 'STAKEHOLDER'))
);
create index stock_receipt_organisation on stock_receipt (organisation_id, received_on);

-- Every change of stock, signed: receipts, transfers out and in, adjustments, distributions and
-- their reversals. The sum of a location's movements of an item is its stock on hand.
create table stock_movement (
    id              uuid           not null primary key,
    organisation_id uuid           not null,
    location_id     uuid           not null references stock_location (id),
    item_id         uuid           not null references relief_item (id),
    batch_id        uuid           not null references stock_batch (id),
    kind            varchar(16)    not null,
    delta           numeric(14, 3) not null,
    reason          varchar(16),
    reference_id    uuid,
    recorded_by     varchar(64)    not null,
    recorded_at     timestamp with time zone not null,
    constraint stock_movement_kind check (kind in ('RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'DISTRIBUTION', 'REVERSAL')),
    constraint stock_movement_reason check (reason is null or reason in ('SPOILED', 'LOST', 'EXPIRED', 'COUNTED', 'DAMAGED'))
);
create index stock_movement_item on stock_movement (organisation_id, location_id, item_id);
create index stock_movement_reference on stock_movement (reference_id);
