-- Every collective has its member-code sequence from the day it is created (issue 12 item 8): a
-- first registration only locks the row, and never has to make it while others wait.
insert into member_code_sequence (organisation_id, next_value)
select o.id, 1 from organisation o
where o.kind = 'COLLECTIVE'
  and not exists (select 1 from member_code_sequence s where s.organisation_id = o.id);
