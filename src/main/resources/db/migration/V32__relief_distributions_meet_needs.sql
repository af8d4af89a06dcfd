-- A round can meet the food needs of those it reaches: each hand-over marks met the open food
-- needs of the member and her household (or of the household's members), and remembers which, so
-- that a reversal opens them again.
alter table distribution_round add column meets_food_needs boolean default false not null;

create table distribution_need (
    distribution_id uuid not null references distribution (id),
    need_id         uuid not null,
    organisation_id uuid not null,
    constraint distribution_need_pk primary key (distribution_id, need_id)
);
