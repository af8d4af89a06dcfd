-- A collective joins a network: MEMBER_OF from the collective to the network. The network sees its
-- member collectives' counts only (reporting), never a record.
alter table organisation_link drop constraint organisation_link_kind;
alter table organisation_link add constraint organisation_link_kind
    check (kind in ('MENTOR_OF', 'FUNDER_OF', 'LIAISES_WITH', 'MEMBER_OF'));
