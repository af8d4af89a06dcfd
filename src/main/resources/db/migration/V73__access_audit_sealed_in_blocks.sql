-- An audit entry is written unsealed in the transaction of the change it describes and sealed
-- into its chain (number, previous hash, hash) just after, in blocks, by one writer per chain
-- (AuditChains): writers of one collective no longer queue on its chain's head row. Until it is
-- sealed, an entry has no number and no hashes.
alter table audit_entry alter column seq drop not null;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
