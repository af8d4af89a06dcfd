-- A claimed key is marked COMMITTED inside the transaction that commits the request's write, so a
-- retry after the node died between that commit and storing the answer never runs the write again.
-- Each claim (first or taken over) gets its own attempt id: only the attempt that holds the key
-- may mark, complete or release it, so a slow attempt whose key was taken over rolls back.
alter table idempotency_record drop constraint idempotency_record_state;
alter table idempotency_record add constraint idempotency_record_state
    check (state in ('IN_PROGRESS', 'COMMITTED', 'COMPLETE'));
alter table idempotency_record add column attempt uuid;
