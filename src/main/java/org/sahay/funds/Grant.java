package org.sahay.funds;

import java.time.LocalDate;
import java.util.List;
import org.sahay.platform.OrganisationId;

/** A grant, what was received of it and what was spent from it. */
public record Grant(
    GrantId id,
    OrganisationId organisationId,
    OrganisationId funderId,
    FundId fundId,
    String title,
    long amountPaise,
    LocalDate startsOn,
    LocalDate endsOn,
    List<String> purposes,
    boolean foreignContribution,
    long receivedPaise,
    long spentPaise,
    List<Instalment> instalments,
    List<Spending> spending) {

  /** An instalment received. */
  public record Instalment(
      InstalmentId id, long amountPaise, LocalDate receivedOn, JournalEntryId journalEntryId) {}

  /** What was spent from the grant, without the payee. */
  public record Spending(
      ExpenseId id,
      LocalDate spentOn,
      ExpenseCategory category,
      long amountPaise,
      String bought,
      int peopleReached,
      boolean reversed) {}

  public long remainingPaise() {
    return receivedPaise - spentPaise;
  }
}
