-- A household's village is as telling as a member's: from now on it is a ciphertext under the
-- household's own data key (the key its dependents are sealed under), destroyed when its last member
-- is erased. The plain column stays for one release: at start-up, villages written before this
-- migration are sealed and the column emptied (PersonalDataUpgrade).
alter table household add column village_sealed bytea;
