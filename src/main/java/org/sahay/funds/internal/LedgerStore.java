package org.sahay.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.AccountKind;
import org.sahay.funds.JournalEntry;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.LedgerAccount;
import org.sahay.funds.TrialBalance;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts, journal entries and their lines. Entries are only ever inserted: the schema chains the
 * lines so that the database itself refuses an entry whose debits and credits differ.
 */
@Repository
public class LedgerStore {

  /** A posted entry and the organisation whose books it is in. */
  public record Stored(OrganisationId organisation, JournalEntry entry) {}

  private static final String ACCOUNT_COLUMNS = "id, code, kind, name, fcra";

  private final JdbcClient jdbc;
  private final Clock clock;

  LedgerStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean hasLedger(OrganisationId organisation) {
    return jdbc.sql("select count(*) from funds_ledger where organisation_id = :o")
            .param("o", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Starts the books of an organisation: true when this call did, false when they exist already
   * (after waiting for a concurrent transaction that started them).
   */
  public boolean startLedger(OrganisationId organisation) {
    return jdbc.sql(
                "insert into funds_ledger (organisation_id, created_at) values (:o, :now)"
                    + " on conflict do nothing")
            .param("o", organisation.value())
            .param("now", OffsetDateTime.now(clock))
            .update()
        == 1;
  }

  public LedgerAccount insertAccount(
      OrganisationId organisation, String code, AccountKind kind, String name, boolean fcra) {
    AccountId id = new AccountId(Ids.newId());
    jdbc.sql(
            """
            insert into ledger_account (id, organisation_id, code, kind, name, fcra, created_at)
            values (:id, :o, :code, :kind, :name, :fcra, :now)
            """)
        .param("id", id.value())
        .param("o", organisation.value())
        .param("code", code)
        .param("kind", kind.name())
        .param("name", name)
        .param("fcra", fcra)
        .param("now", OffsetDateTime.now(clock))
        .update();
    return new LedgerAccount(id, code, kind, name, fcra);
  }

  public List<LedgerAccount> accounts(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + ACCOUNT_COLUMNS
                + " from ledger_account where organisation_id = :o order by kind, code")
        .param("o", organisation.value())
        .query((rs, n) -> account(rs))
        .list();
  }

  public Optional<LedgerAccount> account(OrganisationId organisation, AccountId id) {
    return jdbc.sql(
            "select "
                + ACCOUNT_COLUMNS
                + " from ledger_account where organisation_id = :o and id = :id")
        .param("o", organisation.value())
        .param("id", id.value())
        .query((rs, n) -> account(rs))
        .optional();
  }

  public LedgerAccount accountByCode(OrganisationId organisation, String code) {
    return jdbc.sql(
            "select "
                + ACCOUNT_COLUMNS
                + " from ledger_account where organisation_id = :o and code = :code")
        .param("o", organisation.value())
        .param("code", code)
        .query((rs, n) -> account(rs))
        .single();
  }

  public long countAccounts(OrganisationId organisation, AccountKind kind) {
    return jdbc.sql("select count(*) from ledger_account where organisation_id = :o and kind = :k")
        .param("o", organisation.value())
        .param("k", kind.name())
        .query(Long.class)
        .single();
  }

  /** Writes the lines in order, each carrying the running totals on, then the entry after them. */
  public JournalEntryId insert(OrganisationId organisation, Posting posting, String postedBy) {
    JournalEntryId id = new JournalEntryId(Ids.newId());
    long runningDebit = 0;
    long runningCredit = 0;
    int lineNo = 0;
    for (Posting.Line line : posting.lines()) {
      lineNo++;
      boolean first = lineNo == 1;
      boolean last = lineNo == posting.lines().size();
      long prevDebit = runningDebit;
      long prevCredit = runningCredit;
      runningDebit = Math.addExact(runningDebit, line.debit());
      runningCredit = Math.addExact(runningCredit, line.credit());
      jdbc.sql(
              """
              insert into journal_line (id, entry_id, organisation_id, line_no, account_id, debit,
                credit, running_debit, running_credit, last_line, prev_line_no,
                prev_running_debit, prev_running_credit, prev_last_line)
              values (:id, :entry, :o, :no, :account, :debit, :credit, :rd, :rc, :last, :prevNo,
                :prevDebit, :prevCredit, :prevLast)
              """)
          .param("id", Ids.newId())
          .param("entry", id.value())
          .param("o", organisation.value())
          .param("no", lineNo)
          .param("account", line.account().value())
          .param("debit", line.debit())
          .param("credit", line.credit())
          .param("rd", runningDebit)
          .param("rc", runningCredit)
          .param("last", last)
          .param("prevNo", first ? null : lineNo - 1, Types.INTEGER)
          .param("prevDebit", first ? null : prevDebit, Types.BIGINT)
          .param("prevCredit", first ? null : prevCredit, Types.BIGINT)
          .param("prevLast", first ? null : Boolean.FALSE, Types.BOOLEAN)
          .update();
    }
    jdbc.sql(
            """
            insert into journal_entry (id, organisation_id, entry_date, kind, source_id,
              description, line_count, debit_total, credit_total, last_line, reverses_id, reason,
              posted_by, posted_at)
            values (:id, :o, :date, :kind, :source, :description, :count, :debits, :credits, true,
              :reverses, :reason, :by, :now)
            """)
        .param("id", id.value())
        .param("o", organisation.value())
        .param("date", posting.date())
        .param("kind", posting.kind().name())
        .param("source", posting.source())
        .param("description", posting.description())
        .param("count", lineNo)
        .param("debits", runningDebit)
        .param("credits", runningCredit)
        .param("reverses", posting.reverses() == null ? null : posting.reverses().value())
        .param("reason", posting.reason(), Types.VARCHAR)
        .param("by", postedBy)
        .param("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
        .update();
    return id;
  }

  /**
   * The balance of an account (debits less credits), with the account row locked until the
   * transaction ends, so that two payments from the same cash cannot both spend what is there once.
   */
  public long lockedBalance(OrganisationId organisation, AccountId account) {
    jdbc.sql("select id from ledger_account where id = :id for update")
        .param("id", account.value())
        .query(UUID.class)
        .optional();
    return jdbc.sql(
            "select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) from journal_line"
                + " where organisation_id = :org and account_id = :id")
        .param("org", organisation.value())
        .param("id", account.value())
        .query(Long.class)
        .single();
  }

  /**
   * Locks a posted entry's row so that two reversals of it cannot both pass; the row itself is
   * never changed.
   */
  public Optional<OrganisationId> lockEntry(JournalEntryId id) {
    return jdbc.sql("select organisation_id from journal_entry where id = :id for update")
        .param("id", id.value())
        .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
        .optional();
  }

  public Optional<Stored> find(JournalEntryId id) {
    return jdbc.sql(
            """
            select e.id, e.organisation_id, e.entry_date, e.kind, e.description, e.debit_total,
              e.credit_total, e.reverses_id, e.reason, e.posted_by, e.posted_at,
              (select r.id from journal_entry r where r.reverses_id = e.id) as reversed_by
            from journal_entry e where e.id = :id
            """)
        .param("id", id.value())
        .query(
            (rs, n) ->
                new Stored(
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    new JournalEntry(
                        id,
                        rs.getObject("entry_date", LocalDate.class),
                        rs.getString("kind"),
                        rs.getString("description"),
                        rs.getLong("debit_total"),
                        rs.getLong("credit_total"),
                        entryId(rs, "reverses_id"),
                        entryId(rs, "reversed_by"),
                        rs.getString("reason"),
                        rs.getString("posted_by"),
                        rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                        lines(id))))
        .optional();
  }

  public List<JournalEntry.Line> lines(JournalEntryId entry) {
    return jdbc.sql(
            """
            select l.account_id, a.code, l.debit, l.credit
            from journal_line l join ledger_account a on a.id = l.account_id
            where l.entry_id = :e order by l.line_no
            """)
        .param("e", entry.value())
        .query(
            (rs, n) ->
                new JournalEntry.Line(
                    new AccountId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4)))
        .list();
  }

  public boolean isReversed(JournalEntryId id) {
    return jdbc.sql("select count(*) from journal_entry where reverses_id = :id")
            .param("id", id.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Totals of posted lines only: lines count when their entry exists. The lines are summed per
   * account before they meet the accounts (H2 summed them per account and line otherwise: 82 s
   * against 23 s over a million lines, see docs/benchmarks.md).
   */
  public TrialBalance trialBalance(OrganisationId organisation) {
    List<TrialBalance.Row> rows =
        jdbc.sql(
                """
                select a.id, a.code, a.kind, a.name,
                  coalesce(t.debits, 0) as debits, coalesce(t.credits, 0) as credits
                from ledger_account a
                left join (select l.account_id, sum(l.debit) as debits, sum(l.credit) as credits
                           from journal_line l
                           join journal_entry e on e.id = l.entry_id
                           where l.organisation_id = :o
                           group by l.account_id) t on t.account_id = a.id
                where a.organisation_id = :o
                order by a.kind, a.code
                """)
            .param("o", organisation.value())
            .query(
                (rs, n) ->
                    new TrialBalance.Row(
                        new AccountId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        AccountKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6)))
            .list();
    long debits = rows.stream().mapToLong(TrialBalance.Row::debits).sum();
    long credits = rows.stream().mapToLong(TrialBalance.Row::credits).sum();
    return new TrialBalance(debits, credits, rows);
  }

  /** The entries of the organisation that have been reversed. */
  public java.util.Set<JournalEntryId> reversedEntries(OrganisationId organisation) {
    return new java.util.HashSet<>(
        jdbc.sql(
                "select reverses_id from journal_entry where organisation_id = :o"
                    + " and reverses_id is not null")
            .param("o", organisation.value())
            .query((rs, n) -> new JournalEntryId(rs.getObject(1, UUID.class)))
            .list());
  }

  private static LedgerAccount account(ResultSet rs) throws SQLException {
    return new LedgerAccount(
        new AccountId(rs.getObject("id", UUID.class)),
        rs.getString("code"),
        AccountKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getBoolean("fcra"));
  }

  private static JournalEntryId entryId(ResultSet rs, String column) throws SQLException {
    UUID value = rs.getObject(column, UUID.class);
    return value == null ? null : new JournalEntryId(value);
  }
}
