-- Vaccination: the vaccines with their doses and the interval before each next dose (an ISO-8601
-- period, so "84 days" and "6 months" both hold across month ends and leap years), and each dose a
-- member was given. Intervals are kept here, not in code: system admins change them as guidance
-- changes.
create table vaccine (
    code        varchar(32)  not null primary key,
    name_en     varchar(100) not null,
    name_hi     varchar(100),
    name_te     varchar(100),
    name_bn     varchar(100),
    doses       integer      not null,
    intervals   varchar(200) not null,
    updated_at  timestamp with time zone not null,
    constraint vaccine_doses check (doses between 1 and 6)
);

insert into vaccine (code, name_en, name_hi, name_te, name_bn, doses, intervals, updated_at) values
('COVISHIELD', 'Covishield (COVID-19)', 'कोविशील्ड (कोविड-19)', 'కోవిషీల్డ్ (కోవిడ్-19)', 'কোভিশিল্ড (কোভিড-১৯)', 3, 'P84D,P6M', current_timestamp),
('COVAXIN', 'Covaxin (COVID-19)', 'कोवैक्सिन (कोविड-19)', 'కోవాక్సిన్ (కోవిడ్-19)', 'কোভ্যাক্সিন (কোভিড-১৯)', 3, 'P28D,P6M', current_timestamp),
('CORBEVAX', 'Corbevax (COVID-19)', 'कोर्बेवैक्स (कोविड-19)', 'కోర్బెవాక్స్ (కోవిడ్-19)', 'কর্বেভ্যাক্স (কোভিড-১৯)', 3, 'P28D,P6M', current_timestamp),
('TD', 'Tetanus and diphtheria (Td)', 'टीडी (टेटनस)', 'టీడీ (ధనుర్వాతం)', 'টিডি (টিটেনাস)', 2, 'P1M', current_timestamp);

create table vaccination_dose (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    member_id       uuid         not null,
    vaccine_code    varchar(32)  not null references vaccine (code),
    dose_number     integer      not null,
    given_on        date         not null,
    place           varchar(120),
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    constraint vaccination_dose_once unique (member_id, vaccine_code, dose_number),
    constraint vaccination_dose_number check (dose_number between 1 and 6)
);
create index vaccination_dose_organisation on vaccination_dose (organisation_id, vaccine_code);
