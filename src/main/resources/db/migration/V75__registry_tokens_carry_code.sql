-- A search by name reads the member_token index in member-code order: the code is copied into each
-- token row (member codes never change), so a page of results reads a page of index entries
-- instead of every match sorted. The index also carries member_id, so the lookups by token that
-- used member_token_lookup are answered from it alone.
alter table member_token add column code varchar(16);
update member_token set code = (select m.code from member m where m.id = member_token.member_id);
alter table member_token alter column code set not null;
create index member_token_ordered on member_token (organisation_id, token, code, member_id);
drop index member_token_lookup;
