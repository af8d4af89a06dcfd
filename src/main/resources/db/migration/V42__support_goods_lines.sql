-- Kind support: a line may ask for goods from the collective's relief catalogue (item_id) in a
-- quantity, instead of money. The funder decides the quantity (approved_quantity); the goods
-- arrive as stock receipts recorded against the line (support_delivery), up to what was approved,
-- and the hand-overs that follow are counted from relief when the request is reconciled.
alter table support_line add column item_id uuid;
alter table support_line add column approved_quantity integer;
alter table support_line add column delivered_quantity integer default 0 not null;
alter table support_line drop constraint support_line_amount;
alter table support_line add constraint support_line_amount check (
    (item_id is null and amount_paise > 0)
    or (item_id is not null and amount_paise = 0 and quantity is not null));
alter table support_line add constraint support_line_goods_approved check (
    approved_quantity is null
    or (item_id is not null and approved_quantity >= 0 and approved_quantity <= quantity));
alter table support_line add constraint support_line_goods_delivered check (
    delivered_quantity >= 0 and delivered_quantity <= coalesce(approved_quantity, 0));

create table support_delivery (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    request_id      uuid         not null references support_request (id),
    line_id         uuid         not null references support_line (id),
    receipt_id      uuid         not null,
    quantity        integer      not null,
    received_on     date         not null,
    recorded_by     varchar(64)  not null,
    recorded_at     timestamp with time zone not null,
    constraint support_delivery_quantity check (quantity > 0)
);
create index support_delivery_line on support_delivery (line_id, recorded_at);
