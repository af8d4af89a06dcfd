package org.sahay.funds.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.sahay.funds.Expense;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Expenses, each with the journal entry it posted. */
@Repository
public class ExpenseStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  ExpenseStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(OrganisationId organisation, Expense e, String recordedBy) {
    jdbc.sql(
            """
            insert into expense (id, organisation_id, fund_id, account_id, category, payee, amount,
              spent_on, bought, people_reached, reference, journal_entry_id, recorded_by,
              recorded_at)
            values (:id, :o, :fund, :account, :category, :payee, :amount, :on, :bought, :people,
              :reference, :entry, :by, :now)
            """)
        .param("id", e.id().value())
        .param("o", organisation.value())
        .param("fund", e.fundId().value())
        .param("account", e.accountId().value())
        .param("category", e.category().name())
        .param("payee", e.payee())
        .param("amount", e.amountPaise())
        .param("on", e.spentOn())
        .param("bought", e.bought())
        .param("people", e.peopleReached())
        .param("reference", e.reference(), java.sql.Types.VARCHAR)
        .param("entry", e.journalEntryId().value())
        .param("by", recordedBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }
}
