package org.sahay.registry;

/**
 * Where a household's income comes from. Sex work is deliberately not one of them: it is a
 * sensitive field of the member, encrypted, never a plain household fact.
 */
public enum IncomeSource {
  DAILY_WAGE,
  DOMESTIC_WORK,
  SMALL_BUSINESS,
  PENSION,
  GOVERNMENT_SCHEME,
  /** No income at all; never combined with another source. */
  NONE,
  OTHER
}
