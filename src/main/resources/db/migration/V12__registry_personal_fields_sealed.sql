-- Names, birth dates, phones, block and village of members are personal: from now on they are one
-- ciphertext (personal) under the member's own data key, so that erasing a member (destroying the
-- key) reaches every copy of the database, old backups included. Lookups go through keyed tokens
-- (member_token) made with the organisation's index key; a token reveals nothing without the key.
-- Document numbers and dependents' names and notes are sealed the same way.
--
-- The plain columns stay for one release: at start-up, rows written before this migration are
-- sealed and their plain columns emptied (PersonalDataUpgrade); a later migration drops them.
alter table member add column personal bytea;
alter table member_document add column sealed bytea;
alter table household_dependent add column sealed bytea;

create table member_token (
    member_id       uuid        not null references member (id),
    organisation_id uuid        not null,
    token           varchar(32) not null,
    constraint member_token_pk primary key (member_id, token)
);
create index member_token_lookup on member_token (organisation_id, token, member_id);

drop table member_name_word;
