package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.LedgerStore;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses entries whose debits and credits differ, and changes to lines. */
class LedgerDatabaseIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Books books;
  @Autowired private LedgerStore ledger;
  @Autowired private TransactionTemplate transactions;

  private record Accounts(OrganisationId organisation, UUID cash, UUID fund) {}

  private Accounts books() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    fixtures.user(collective, Role.ORG_ADMIN);
    books.open(collective.id());
    return new Accounts(
        collective.id(),
        ledger.accountByCode(collective.id(), Books.CASH).id().value(),
        ledger.accountByCode(collective.id(), Books.UNRESTRICTED).id().value());
  }

  @Test
  void anUnbalancedEntryInsertedDirectlyWithSqlIsRefused() {
    Accounts a = books();
    UUID entry = Ids.newId();

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    s -> {
                      line(entry, a, 1, a.cash(), 10_000, 0, 10_000, 0, false, null);
                      line(
                          entry,
                          a,
                          2,
                          a.fund(),
                          0,
                          9_000,
                          10_000,
                          9_000,
                          true,
                          new long[] {10_000, 0});
                      entry(entry, a, 2, 10_000, 9_000);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    // Totals claimed equal, but the lines do not reach them: the foreign key refuses.
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    s -> {
                      line(entry, a, 1, a.cash(), 10_000, 0, 10_000, 0, false, null);
                      line(
                          entry,
                          a,
                          2,
                          a.fund(),
                          0,
                          9_000,
                          10_000,
                          9_000,
                          true,
                          new long[] {10_000, 0});
                      entry(entry, a, 2, 10_000, 10_000);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    // A running total that does not add up is refused by the line's own check.
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    s -> {
                      line(entry, a, 1, a.cash(), 10_000, 0, 10_000, 0, false, null);
                      line(
                          entry,
                          a,
                          2,
                          a.fund(),
                          0,
                          9_000,
                          10_000,
                          10_000,
                          true,
                          new long[] {10_000, 0});
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(
            jdbc.sql("select count(*) from journal_line where entry_id = :e")
                .param("e", entry)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aBalancedEntryInsertedWithSqlIsAcceptedButItsLinesCannotBeChangedOrExtended() {
    Accounts a = books();
    UUID entry = Ids.newId();
    transactions.executeWithoutResult(
        s -> {
          line(entry, a, 1, a.cash(), 10_000, 0, 10_000, 0, false, null);
          line(entry, a, 2, a.fund(), 0, 10_000, 10_000, 10_000, true, new long[] {10_000, 0});
          entry(entry, a, 2, 10_000, 10_000);
        });

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update journal_line set credit = 5000, running_credit = 5000"
                            + " where entry_id = :e and line_no = 2")
                    .param("e", entry)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                line(
                    entry,
                    a,
                    3,
                    a.cash(),
                    500,
                    0,
                    10_500,
                    10_000,
                    true,
                    new long[] {10_000, 10_000}))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql("delete from journal_line where entry_id = :e and line_no = 2")
                    .param("e", entry)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    var trial = ledger.trialBalance(a.organisation());
    assertThat(trial.debits()).isEqualTo(10_000).isEqualTo(trial.credits());
  }

  @Test
  void theCodeRefusesAnUnbalancedPostingBeforeTheDatabaseSeesIt() {
    var cash = new AccountId(Ids.newId());
    var fund = new AccountId(Ids.newId());
    assertThatThrownBy(
            () ->
                new org.sahay.funds.internal.Posting(
                    org.sahay.funds.internal.Posting.Kind.DONATION,
                    LocalDate.of(2025, 5, 1),
                    "test",
                    null,
                    null,
                    null,
                    List.of(
                        org.sahay.funds.internal.Posting.Line.debit(cash, 100),
                        org.sahay.funds.internal.Posting.Line.credit(fund, 99))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void line(
      UUID entry,
      Accounts a,
      int no,
      UUID account,
      long debit,
      long credit,
      long runningDebit,
      long runningCredit,
      boolean last,
      long[] previous) {
    jdbc.sql(
            """
            insert into journal_line (id, entry_id, organisation_id, line_no, account_id, debit,
              credit, running_debit, running_credit, last_line, prev_line_no, prev_running_debit,
              prev_running_credit, prev_last_line)
            values (:id, :e, :o, :no, :a, :d, :c, :rd, :rc, :last, :pn, :pd, :pc, :pl)
            """)
        .param("id", Ids.newId())
        .param("e", entry)
        .param("o", a.organisation().value())
        .param("no", no)
        .param("a", account)
        .param("d", debit)
        .param("c", credit)
        .param("rd", runningDebit)
        .param("rc", runningCredit)
        .param("last", last)
        .param("pn", previous == null ? null : no - 1, java.sql.Types.INTEGER)
        .param("pd", previous == null ? null : previous[0], java.sql.Types.BIGINT)
        .param("pc", previous == null ? null : previous[1], java.sql.Types.BIGINT)
        .param("pl", previous == null ? null : Boolean.FALSE, java.sql.Types.BOOLEAN)
        .update();
  }

  private void entry(UUID entry, Accounts a, int lines, long debits, long credits) {
    jdbc.sql(
            """
            insert into journal_entry (id, organisation_id, entry_date, kind, description,
              line_count, debit_total, credit_total, last_line, posted_by, posted_at)
            values (:id, :o, :d, 'DONATION', 'direct', :n, :dt, :ct, true, 'test', :now)
            """)
        .param("id", entry)
        .param("o", a.organisation().value())
        .param("d", LocalDate.of(2025, 5, 1))
        .param("n", lines)
        .param("dt", debits)
        .param("ct", credits)
        .param("now", OffsetDateTime.now())
        .update();
  }
}
