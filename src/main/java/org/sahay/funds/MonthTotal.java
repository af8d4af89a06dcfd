package org.sahay.funds;

/** Income and expenditure of one calendar month, in paise. */
public record MonthTotal(int year, int month, long incomePaise, long expenditurePaise) {

  public long surplusPaise() {
    return incomePaise - expenditurePaise;
  }
}
