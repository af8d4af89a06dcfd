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

  /** An expense, the organisation it belongs to, and whether it was reversed or has a proof. */
  public record Row(
      OrganisationId organisation, Expense expense, boolean reversed, boolean hasProof) {}

  private static final String SELECT =
      """
      select x.*,
        (select count(*) from journal_entry r where r.reverses_id = x.journal_entry_id) as reversed,
        (select count(*) from expense_proof p where p.expense_id = x.id) as proofs
      from expense x
      """;

  public java.util.List<Row> all(OrganisationId organisation) {
    return jdbc.sql(SELECT + " where x.organisation_id = :o order by x.spent_on desc, x.id desc")
        .param("o", organisation.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  public java.util.Optional<Row> find(org.sahay.funds.ExpenseId id) {
    return jdbc.sql(SELECT + " where x.id = :id")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** A stored proof: its type, size and ciphertext. */
  public record Proof(String contentType, int size, byte[] content) {}

  public void saveProof(
      OrganisationId organisation,
      org.sahay.funds.ExpenseId id,
      String contentType,
      int size,
      byte[] content,
      String by) {
    jdbc.sql("delete from expense_proof where expense_id = :id").param("id", id.value()).update();
    jdbc.sql(
            """
            insert into expense_proof (expense_id, organisation_id, content_type, size_bytes,
              content, uploaded_by, uploaded_at)
            values (:id, :o, :type, :size, :content, :by, :now)
            """)
        .param("id", id.value())
        .param("o", organisation.value())
        .param("type", contentType)
        .param("size", size)
        .param("content", content)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public java.util.Optional<Proof> proof(org.sahay.funds.ExpenseId id) {
    return jdbc.sql(
            "select content_type, size_bytes, content from expense_proof where expense_id = :id")
        .param("id", id.value())
        .query((rs, n) -> new Proof(rs.getString(1), rs.getInt(2), rs.getBytes(3)))
        .optional();
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        new OrganisationId(rs.getObject("organisation_id", java.util.UUID.class)),
        new Expense(
            new org.sahay.funds.ExpenseId(rs.getObject("id", java.util.UUID.class)),
            new org.sahay.funds.FundId(rs.getObject("fund_id", java.util.UUID.class)),
            new org.sahay.funds.AccountId(rs.getObject("account_id", java.util.UUID.class)),
            org.sahay.funds.ExpenseCategory.valueOf(rs.getString("category")),
            rs.getString("payee"),
            rs.getLong("amount"),
            rs.getObject("spent_on", java.time.LocalDate.class),
            rs.getString("bought"),
            rs.getInt("people_reached"),
            rs.getString("reference"),
            new org.sahay.funds.JournalEntryId(
                rs.getObject("journal_entry_id", java.util.UUID.class))),
        rs.getLong("reversed") > 0,
        rs.getLong("proofs") > 0);
  }
}
