-- Reports count hand-overs by district (a district is no one's personal data): each hand-over keeps
-- the district of the household it reached, else of the member, as known when it was recorded.
-- Earlier hand-overs take it from today's registry rows, once, here; relief's code never reads
-- the registry's tables.
alter table distribution add column district varchar(100);
update distribution set district =
    (select h.district from household h where h.id = distribution.household_id)
    where household_id is not null;
update distribution set district =
    (select m.district from member m where m.id = distribution.member_id)
    where district is null and member_id is not null;
create index distribution_reported on distribution (organisation_id, recorded_at);
