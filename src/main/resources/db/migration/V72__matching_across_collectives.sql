-- Matching across the collectives of a network. What leaves a collective is only this: keyed
-- hashes under the network's key (of a member's whole name in her district, and of her phone), each
-- with an opaque reference that only her own collective can turn back into her. A possible match
-- between two collectives is shown to each side as "one of your members may also be registered
-- in another collective of the network"; who, and where, only once both sides have confirmed.
create table network_match_ref (
    ref             uuid        not null primary key,
    network_id      uuid        not null,
    organisation_id uuid        not null,
    member_id       uuid        not null,
    constraint network_match_ref_once unique (network_id, member_id)
);

create table network_match_key (
    network_id      uuid        not null,
    organisation_id uuid        not null,
    ref             uuid        not null,
    kind            varchar(1)  not null,
    hash            bigint      not null,
    constraint network_match_key_pk primary key (ref, kind, hash),
    constraint network_match_key_kind check (kind in ('N', 'P'))
);
create index network_match_key_lookup on network_match_key (network_id, kind, hash);

create table network_match (
    id              uuid        not null primary key,
    network_id      uuid        not null,
    organisation_a  uuid        not null,
    ref_a           uuid        not null,
    organisation_b  uuid        not null,
    ref_b           uuid        not null,
    phone_too       boolean     not null,
    confirmed_a     boolean     not null,
    confirmed_b     boolean     not null,
    status          varchar(10) not null,
    found_at        timestamp with time zone not null,
    constraint network_match_once unique (ref_a, ref_b),
    constraint network_match_status check (status in ('OPEN', 'DECLINED'))
);
create index network_match_a on network_match (organisation_a, status);
create index network_match_b on network_match (organisation_b, status);
