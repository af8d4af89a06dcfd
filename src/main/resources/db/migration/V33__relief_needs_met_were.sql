-- What each need met by a hand-over was before (open, or being met), so that reversing the
-- hand-over puts it back there rather than always to open.
alter table distribution_need add column was_status varchar(12) default 'OPEN' not null;
