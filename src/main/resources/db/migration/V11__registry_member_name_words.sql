-- Each word of a member's phonetic name key, so that a name search is an index range lookup per
-- word instead of a scan of every member of the collective.
create table member_name_word (
    member_id       uuid         not null references member (id),
    organisation_id uuid         not null,
    word            varchar(100) not null,
    constraint member_name_word_pk primary key (member_id, word)
);
create index member_name_word_lookup on member_name_word (organisation_id, word);
