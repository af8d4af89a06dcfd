-- What a screening raised (its category and severity: "mental health, urgent" is PHQ-9 item 9) is
-- sensitive: from now on a sensitive need keeps them only as a ciphertext under the member's (or
-- household's) data key, and its plain columns say SEALED. Rows from before are sealed at start
-- (NeedsUpgrade).
alter table need add column sealed bytea;
alter table need drop constraint need_category;
alter table need add constraint need_category check (category in ('FOOD', 'RENT', 'ELECTRICITY',
    'MEDICAL', 'MENTAL_HEALTH', 'DOCUMENTS', 'DEBT', 'LIVELIHOOD', 'SAFETY', 'EDUCATION', 'SEALED'));
alter table need drop constraint need_severity;
alter table need add constraint need_severity check (severity in ('LOW', 'MEDIUM', 'HIGH',
    'URGENT', 'SEALED'));
