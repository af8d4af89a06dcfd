-- A list made for a scheme ties each row to the member's (or household's) standing with that
-- scheme, so that what the office supplies is recorded there as granted.
alter table beneficiary_list_row add column entitlement_id uuid;
