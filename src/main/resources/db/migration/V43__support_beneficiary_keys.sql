-- Support stored whom a line pays as m: or h: and the id; relief as M:, H: or R:. One encoding
-- now (registry.Beneficiary): the kind letter in upper case.
update support_line_recipient set recipient = upper(substr(recipient, 1, 1)) || substr(recipient, 2);
update disbursement set recipient = upper(substr(recipient, 1, 1)) || substr(recipient, 2);
update disbursement_claim set recipient = upper(substr(recipient, 1, 1)) || substr(recipient, 2);
