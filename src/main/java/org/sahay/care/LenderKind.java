package org.sahay.care;

/** Who lent the money. */
public enum LenderKind {
  MONEYLENDER,
  BROTHEL_KEEPER,
  LANDLORD,
  SELF_HELP_GROUP,
  RELATIVE,
  BANK,
  OTHER
}
