-- In-kind relief, part two: distribution rounds, non-member recipients and distributions.
--
-- The round's rule (once per household, once per person) is a UNIQUE constraint on
-- distribution_claim (round, claim key): of two phones recording the same household at the same
-- moment, one inserts the claim and the other gets a unique-key violation, whatever the app nodes.
-- A reversal deletes the claim in the same transaction and keeps the distribution, marked
-- reversed, so that the household can receive again and the history stays (no partial unique
-- index, which H2 lacks).
create table distribution_round (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    name            varchar(120) not null,
    starts_on       date         not null,
    ends_on         date         not null,
    location_id     uuid         not null references stock_location (id),
    kit_id          uuid         references relief_kit (id),
    eligibility     varchar(40)  not null,
    rule            varchar(24)  not null,
    created_by      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    constraint distribution_round_period check (ends_on >= starts_on),
    constraint distribution_round_eligibility check (eligibility in ('ALL_MEMBERS', 'HOUSEHOLDS_WITH_OPEN_FOOD_NEED', 'LIST', 'ANYONE_AT_SITE')),
    constraint distribution_round_rule check (rule in ('ONCE_PER_HOUSEHOLD', 'ONCE_PER_PERSON', 'UNLIMITED'))
);
create index distribution_round_organisation on distribution_round (organisation_id, starts_on);

-- What each recipient gets: the kit's items, or items chosen for the round.
create table distribution_round_line (
    round_id        uuid           not null references distribution_round (id),
    item_id         uuid           not null references relief_item (id),
    organisation_id uuid           not null,
    quantity        numeric(14, 3) not null,
    constraint distribution_round_line_pk primary key (round_id, item_id),
    constraint distribution_round_line_quantity check (quantity > 0)
);

-- Who is eligible in a round with a list: member (M:), household (H:) or recipient (R:) keys.
create table distribution_round_entry (
    round_id        uuid        not null references distribution_round (id),
    organisation_id uuid        not null,
    subject_key     varchar(40) not null,
    constraint distribution_round_entry_pk primary key (round_id, subject_key)
);

-- People who are not members (a migrant worker, say), registered at the site with minimal data:
-- name, phone, group and village are one ciphertext under the recipient's own data key; lookups go
-- through keyed tokens, as for members.
create table relief_recipient (
    id              uuid        not null primary key,
    organisation_id uuid        not null,
    personal        bytea,
    created_by      varchar(64) not null,
    created_at      timestamp with time zone not null
);
create index relief_recipient_organisation on relief_recipient (organisation_id);

create table relief_recipient_token (
    recipient_id    uuid        not null references relief_recipient (id),
    organisation_id uuid        not null,
    token           varchar(32) not null,
    constraint relief_recipient_token_pk primary key (recipient_id, token)
);
create index relief_recipient_token_lookup on relief_recipient_token (organisation_id, token, recipient_id);

-- One hand-over. household_key is what counts as one household reached (H: a household, or the
-- member or recipient who has none); people is how many people it fed, as known when recorded.
create table distribution (
    id              uuid        not null primary key,
    organisation_id uuid        not null,
    round_id        uuid        not null references distribution_round (id),
    member_id       uuid,
    household_id    uuid,
    recipient_id    uuid        references relief_recipient (id),
    household_key   varchar(40) not null,
    people          integer     not null,
    recorded_by     varchar(64) not null,
    recorded_at     timestamp with time zone not null,
    reversed_by     varchar(64),
    reversed_at     timestamp with time zone,
    reversal_reason varchar(24),
    constraint distribution_people check (people >= 1),
    constraint distribution_reason check (reversal_reason is null or reversal_reason in ('WRONG_PERSON', 'RECORDED_TWICE', 'NOT_HANDED_OVER', 'OTHER'))
);
create index distribution_by_round on distribution (round_id, recorded_at);
create index distribution_member on distribution (organisation_id, member_id);

create table distribution_claim (
    round_id        uuid        not null references distribution_round (id),
    claim_key       varchar(40) not null,
    organisation_id uuid        not null,
    distribution_id uuid        not null references distribution (id),
    constraint distribution_claim_pk primary key (round_id, claim_key)
);

-- Which batch each item of a distribution came from, so that a reversal puts it back there.
create table distribution_line (
    distribution_id uuid           not null references distribution (id),
    batch_id        uuid           not null references stock_batch (id),
    item_id         uuid           not null references relief_item (id),
    organisation_id uuid           not null,
    quantity        numeric(14, 3) not null,
    constraint distribution_line_pk primary key (distribution_id, batch_id),
    constraint distribution_line_quantity check (quantity > 0)
);
