-- A collective that left Sahay (java -jar sahay.jar leave): everything it owned was exported to it
-- and deleted; only this stays, for counts over time. No name, no member, no amount: its kind,
-- where it worked, the day it left, and how many rows of each kind it had (JSON, table to count).
create table departed_organisation (
    id       uuid          not null primary key,
    kind     varchar(16)   not null,
    state    varchar(100)  not null,
    district varchar(100)  not null,
    left_at  timestamp with time zone not null,
    counts   varchar(8000) not null
);
