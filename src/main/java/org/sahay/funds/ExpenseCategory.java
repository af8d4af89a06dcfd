package org.sahay.funds;

/** What money was spent on; each category is an expense account of the ledger. */
public enum ExpenseCategory {
  FOOD_AND_RATIONS,
  CASH_RELIEF,
  RENT_AND_BILLS,
  HEALTH_AND_MEDICINES,
  EDUCATION,
  LIVELIHOOD,
  TRAVEL,
  STAFF_AND_VOLUNTEERS,
  ADMINISTRATION,
  OTHER
}
