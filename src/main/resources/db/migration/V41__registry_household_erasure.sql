-- A household can be erased on its own (a record made by mistake, a duplicate, at the family's
-- request): its members stay members, its dependents and village go with its key, and the row stays
-- as an anonymous tombstone that needs and hand-overs may still point to.
alter table household add column erased_at timestamp with time zone;
