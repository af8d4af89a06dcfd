-- Entitlements, part one: the catalogue of government schemes and where each member (or, for a
-- scheme given per household, each household) stands with each, with the history of every step.
-- A scheme belongs to the shared list (owner_id is the nil uuid; system admins keep it) or to the
-- organisation that added it for local use.
create table scheme (
    id              uuid         not null primary key,
    owner_id        uuid         not null,
    code            varchar(40)  not null,
    name_en         varchar(160),
    name_hi         varchar(160),
    name_te         varchar(160),
    name_bn         varchar(160),
    level           varchar(8)   not null,
    state           varchar(60),
    per_household   boolean      not null,
    gives           varchar(500),
    documents       varchar(200) not null,
    eligibility     varchar(1000),
    where_to_apply  varchar(500),
    grants_document varchar(32),
    grants_detail   varchar(40),
    version         integer      not null,
    updated_at      timestamp with time zone not null,
    constraint scheme_code unique (owner_id, code),
    constraint scheme_level check (level in ('CENTRAL', 'STATE')),
    constraint scheme_state check ((level = 'CENTRAL' and state is null) or (level = 'STATE' and state is not null))
);

-- Where one member (or household) stands with one scheme now; at most one row per scheme each.
create table entitlement (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    scheme_id       uuid         not null references scheme (id),
    member_id       uuid,
    household_id    uuid,
    status          varchar(24)  not null,
    status_on       date         not null,
    helped_by       varchar(100) not null,
    version         integer      not null,
    updated_at      timestamp with time zone not null,
    constraint entitlement_subject check ((member_id is null and household_id is not null) or (member_id is not null and household_id is null)),
    constraint entitlement_member unique (scheme_id, member_id),
    constraint entitlement_household unique (scheme_id, household_id),
    constraint entitlement_status check (status in ('NOT_ELIGIBLE', 'ELIGIBLE', 'DOCUMENTS_MISSING', 'APPLIED', 'GRANTED', 'REJECTED', 'APPEALED'))
);
create index entitlement_organisation on entitlement (organisation_id, scheme_id);
create index entitlement_member_id on entitlement (member_id);
create index entitlement_household_id on entitlement (household_id);

-- Every step, oldest first: the status, the day it took effect, who recorded it and when.
create table entitlement_event (
    id              uuid         not null primary key,
    entitlement_id  uuid         not null references entitlement (id) on delete cascade,
    organisation_id uuid         not null,
    status          varchar(24)  not null,
    status_on       date         not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null
);
create index entitlement_event_entitlement on entitlement_event (entitlement_id, recorded_at);

-- The shared list as first seeded. Names in English, Hindi, Telugu and Bengali; what each gives,
-- who is eligible and where to apply as a leader would explain it (in English; a collective adds
-- local notes in its own language by adding its own scheme).
insert into scheme (id, owner_id, code, name_en, name_hi, name_te, name_bn, level, state, per_household, gives, documents, eligibility, where_to_apply, grants_document, grants_detail, version, updated_at) values
('5c4e0000-0000-4000-8000-000000000001', '00000000-0000-0000-0000-000000000000', 'NFSA_AAY',
 'Ration card: Antyodaya Anna Yojana (AAY)', 'राशन कार्ड: अंत्योदय अन्न योजना (AAY)', 'రేషన్ కార్డు: అంత్యోదయ అన్న యోజన (AAY)', 'রেশন কার্ড: অন্ত্যোদয় অন্ন যোজনা (AAY)',
 'CENTRAL', null, true, '35 kg of grain a month for the household, free, under the National Food Security Act.', 'AADHAAR',
 'The poorest households, for example those headed by a widow or a single woman, or with no assured income.', 'The district food and civil supplies office, or the village or ward secretariat.', 'RATION_CARD', 'AAY', 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000002', '00000000-0000-0000-0000-000000000000', 'NFSA_PHH',
 'Ration card: priority household (PHH)', 'राशन कार्ड: प्राथमिकता वाला परिवार (PHH)', 'రేషన్ కార్డు: ప్రాధాన్య కుటుంబం (PHH)', 'রেশন কার্ড: অগ্রাধিকার পরিবার (PHH)',
 'CENTRAL', null, true, '5 kg of grain a month for each person in the household, free.', 'AADHAAR',
 'Households the state counts as priority under the National Food Security Act.', 'The district food and civil supplies office, or the village or ward secretariat.', 'RATION_CARD', 'PHH', 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000003', '00000000-0000-0000-0000-000000000000', 'AP_RICE_CARD',
 'Andhra Pradesh rice card', 'आंध्र प्रदेश राइस कार्ड', 'ఆంధ్రప్రదేశ్ బియ్యం కార్డు', 'অন্ধ্রপ্রদেশ রাইস কার্ড',
 'STATE', 'Andhra Pradesh', true, 'Rice and other rations every month at the fair price shop.', 'AADHAAR',
 'Households under the state''s income limits; one card per household.', 'The village or ward secretariat.', 'RATION_CARD', 'AP rice card', 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000004', '00000000-0000-0000-0000-000000000000', 'WB_KHADYA_SATHI',
 'West Bengal ration card (Khadya Sathi)', 'पश्चिम बंगाल राशन कार्ड (खाद्य साथी)', 'పశ్చిమ బెంగాల్ రేషన్ కార్డు (ఖాద్య సాథీ)', 'পশ্চিমবঙ্গ রেশন কার্ড (খাদ্যসাথী)',
 'STATE', 'West Bengal', true, 'Free or cheap rice and wheat every month at the ration shop.', 'AADHAAR',
 'Every household of the state, by category.', 'The block or municipal food and supplies office, or a Duare Sarkar camp.', 'RATION_CARD', 'Khadya Sathi', 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000005', '00000000-0000-0000-0000-000000000000', 'EMERGENCY_RATION',
 'Emergency free ration for people without a card', 'बिना कार्ड वालों के लिए आपातकालीन मुफ़्त राशन', 'కార్డు లేని వారికి అత్యవసర ఉచిత రేషన్', 'কার্ড নেই এমন মানুষের জন্য জরুরি বিনামূল্যে রেশন',
 'CENTRAL', null, true, 'Free rations during a disaster or lockdown for households left out of the ration system.', '',
 'Households without any ration card; the district administration decides who is included.', 'The district administration, on a list the collective hands over.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000006', '00000000-0000-0000-0000-000000000000', 'PMJDY',
 'Pradhan Mantri Jan Dhan bank account', 'प्रधानमंत्री जन धन खाता', 'ప్రధాన మంత్రి జన్ ధన్ ఖాతా', 'প্রধানমন্ত্রী জন ধন অ্যাকাউন্ট',
 'CENTRAL', null, false, 'A bank account with no minimum balance, a RuPay card and accident insurance.', 'AADHAAR',
 'Anyone of 10 or older without a bank account.', 'Any bank branch or bank mitra (business correspondent).', 'BANK_ACCOUNT', 'Jan Dhan', 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000007', '00000000-0000-0000-0000-000000000000', 'AADHAAR',
 'Aadhaar enrolment', 'आधार नामांकन', 'ఆధార్ నమోదు', 'আধার নথিভুক্তি',
 'CENTRAL', null, false, 'The identity number most other schemes ask for.', '',
 'Anyone living in India; a person without papers can be introduced by a registered introducer.', 'An Aadhaar enrolment centre (post office, bank, or camp).', 'AADHAAR', null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000008', '00000000-0000-0000-0000-000000000000', 'VOTER_ID',
 'Voter ID card (EPIC)', 'मतदाता पहचान पत्र (EPIC)', 'ఓటర్ గుర్తింపు కార్డు (EPIC)', 'ভোটার পরিচয়পত্র (EPIC)',
 'CENTRAL', null, false, 'The right to vote, and an identity card accepted almost everywhere.', 'AADHAAR',
 'Citizens of 18 or older, at the address where they live.', 'The booth level officer, or online on the voters'' service portal.', 'VOTER_ID', null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000009', '00000000-0000-0000-0000-000000000000', 'AP_OLD_AGE_PENSION',
 'Andhra Pradesh old-age pension', 'आंध्र प्रदेश वृद्धावस्था पेंशन', 'ఆంధ్రప్రదేశ్ వృద్ధాప్య పింఛను', 'অন্ধ্রপ্রদেশ বার্ধক্য ভাতা',
 'STATE', 'Andhra Pradesh', false, 'A monthly pension paid at the door or into the bank account.', 'AADHAAR,RATION_CARD,BANK_ACCOUNT',
 'People of 60 or older from a household with a rice card.', 'The village or ward secretariat.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000010', '00000000-0000-0000-0000-000000000000', 'AP_WIDOW_PENSION',
 'Andhra Pradesh widow pension', 'आंध्र प्रदेश विधवा पेंशन', 'ఆంధ్రప్రదేశ్ వితంతు పింఛను', 'অন্ধ্রপ্রদেশ বিধবা ভাতা',
 'STATE', 'Andhra Pradesh', false, 'A monthly pension for widows.', 'AADHAAR,RATION_CARD,BANK_ACCOUNT',
 'Widows of 18 or older, with the husband''s death certificate.', 'The village or ward secretariat.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000011', '00000000-0000-0000-0000-000000000000', 'WB_OLD_AGE_PENSION',
 'West Bengal old-age pension (Jai Bangla)', 'पश्चिम बंगाल वृद्धावस्था पेंशन (जय बांग्ला)', 'పశ్చిమ బెంగాల్ వృద్ధాప్య పింఛను (జై బంగ్లా)', 'পশ্চিমবঙ্গ বার্ধক্য ভাতা (জয় বাংলা)',
 'STATE', 'West Bengal', false, 'A monthly pension into the bank account.', 'AADHAAR,BANK_ACCOUNT',
 'People of 60 or older without another pension.', 'The block development office or municipality, or a Duare Sarkar camp.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000012', '00000000-0000-0000-0000-000000000000', 'WB_WIDOW_PENSION',
 'West Bengal widow pension', 'पश्चिम बंगाल विधवा पेंशन', 'పశ్చిమ బెంగాల్ వితంతు పింఛను', 'পশ্চিমবঙ্গ বিধবা ভাতা',
 'STATE', 'West Bengal', false, 'A monthly pension for widows, into the bank account.', 'AADHAAR,BANK_ACCOUNT',
 'Widows of 18 or older living in the state.', 'The block development office or municipality, or a Duare Sarkar camp.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000013', '00000000-0000-0000-0000-000000000000', 'PMJAY',
 'Ayushman Bharat health card (PM-JAY)', 'आयुष्मान भारत स्वास्थ्य कार्ड (PM-JAY)', 'ఆయుష్మాన్ భారత్ ఆరోగ్య కార్డు (PM-JAY)', 'আয়ুষ্মান ভারত স্বাস্থ্য কার্ড (PM-JAY)',
 'CENTRAL', null, true, 'Free hospital care up to 5 lakh rupees a year for the family.', 'AADHAAR,RATION_CARD',
 'Households on the scheme''s list; in many states every ration card household.', 'A common service centre or an empanelled hospital.', null, null, 0, current_timestamp),
('5c4e0000-0000-4000-8000-000000000014', '00000000-0000-0000-0000-000000000000', 'COVID_VACCINATION',
 'COVID-19 vaccination', 'कोविड-19 टीकाकरण', 'కోవిడ్-19 టీకా', 'কোভিড-১৯ টিকাকরণ',
 'CENTRAL', null, false, 'Free vaccination at a government centre.', 'AADHAAR',
 'Everyone of the ages the government opened it to; another photo identity card also serves.', 'A government health centre or a vaccination camp.', null, null, 0, current_timestamp);
