-- Which needs a payment or a hand-over marked met, and what each was before, kept by the needs
-- module in one table instead of one table in support and another in relief.
create table need_met (
    met_by_kind     varchar(16) not null,
    met_by_id       uuid        not null,
    need_id         uuid        not null,
    organisation_id uuid        not null,
    was_status      varchar(12) not null,
    constraint need_met_pk primary key (met_by_kind, met_by_id, need_id),
    constraint need_met_kind check (met_by_kind in ('PAYMENT', 'HAND_OVER'))
);

insert into need_met (met_by_kind, met_by_id, need_id, organisation_id, was_status)
select 'HAND_OVER', distribution_id, need_id, organisation_id, was_status from distribution_need;

insert into need_met (met_by_kind, met_by_id, need_id, organisation_id, was_status)
select 'PAYMENT', disbursement_id, need_id, organisation_id, was_status from disbursement_need;

drop table distribution_need;
drop table disbursement_need;
