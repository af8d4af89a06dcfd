package org.sahay.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.ExpenseCategory;
import org.sahay.funds.ExpenseId;
import org.sahay.funds.FundId;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantId;
import org.sahay.funds.InstalmentId;
import org.sahay.funds.JournalEntryId;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grants, their instalments, and what was spent from their funds. */
@Repository
public class GrantStore {

  /** A grant's own fields. */
  public record Row(
      GrantId id,
      OrganisationId organisation,
      OrganisationId funder,
      FundId fund,
      String title,
      long amount,
      LocalDate startsOn,
      LocalDate endsOn,
      List<String> purposes,
      boolean foreignContribution) {}

  /** Purposes are kept one a line. */
  private static final String SEPARATOR = "\n";

  private final JdbcClient jdbc;
  private final Clock clock;

  GrantStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(Row g, String createdBy) {
    jdbc.sql(
            """
            insert into grant_award (id, organisation_id, funder_id, fund_id, title, amount,
              starts_on, ends_on, purposes, foreign_contribution, created_by, created_at)
            values (:id, :o, :funder, :fund, :title, :amount, :starts, :ends, :purposes, :foreign,
              :by, :now)
            """)
        .param("id", g.id().value())
        .param("o", g.organisation().value())
        .param("funder", g.funder().value())
        .param("fund", g.fund().value())
        .param("title", g.title())
        .param("amount", g.amount())
        .param("starts", g.startsOn())
        .param("ends", g.endsOn())
        .param("purposes", String.join(SEPARATOR, g.purposes()))
        .param("foreign", g.foreignContribution())
        .param("by", createdBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void insertInstalment(
      InstalmentId id,
      GrantId grant,
      OrganisationId organisation,
      AccountId account,
      long amount,
      LocalDate receivedOn,
      String reference,
      JournalEntryId entry,
      String recordedBy) {
    jdbc.sql(
            """
            insert into grant_instalment (id, grant_id, organisation_id, account_id, amount,
              received_on, reference, journal_entry_id, recorded_by, recorded_at)
            values (:id, :grant, :o, :account, :amount, :on, :reference, :entry, :by, :now)
            """)
        .param("id", id.value())
        .param("grant", grant.value())
        .param("o", organisation.value())
        .param("account", account.value())
        .param("amount", amount)
        .param("on", receivedOn)
        .param("reference", reference, java.sql.Types.VARCHAR)
        .param("entry", entry.value())
        .param("by", recordedBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Row> find(GrantId id) {
    return jdbc.sql("select * from grant_award where id = :id")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  public List<Row> all(OrganisationId organisation) {
    return jdbc.sql("select * from grant_award where organisation_id = :o order by created_at")
        .param("o", organisation.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  /** The funds of the grants {@code funder} gave to {@code organisation}. */
  public Set<FundId> fundsGivenBy(OrganisationId organisation, OrganisationId funder) {
    if (funder == null) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select fund_id from grant_award where organisation_id = :o and funder_id = :f")
            .param("o", organisation.value())
            .param("f", funder.value())
            .query((rs, n) -> new FundId(rs.getObject(1, UUID.class)))
            .list());
  }

  public List<Grant.Instalment> instalments(GrantId grant) {
    return jdbc.sql(
            """
            select id, amount, received_on, journal_entry_id from grant_instalment
            where grant_id = :g order by received_on, recorded_at
            """)
        .param("g", grant.value())
        .query(
            (rs, n) ->
                new Grant.Instalment(
                    new InstalmentId(rs.getObject(1, UUID.class)),
                    rs.getLong(2),
                    rs.getObject(3, LocalDate.class),
                    new JournalEntryId(rs.getObject(4, UUID.class))))
        .list();
  }

  /** What was spent from a fund, without payees, marking expenses whose entry was reversed. */
  public List<Grant.Spending> spending(FundId fund) {
    return jdbc.sql(
            """
            select x.id, x.spent_on, x.category, x.amount, x.bought, x.people_reached,
              (select count(*) from journal_entry r where r.reverses_id = x.journal_entry_id)
                as reversed
            from expense x where x.fund_id = :f order by x.spent_on, x.recorded_at
            """)
        .param("f", fund.value())
        .query(
            (rs, n) ->
                new Grant.Spending(
                    new ExpenseId(rs.getObject(1, UUID.class)),
                    rs.getObject(2, LocalDate.class),
                    ExpenseCategory.valueOf(rs.getString(3)),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getLong(7) > 0))
        .list();
  }

  private static Row row(ResultSet rs) throws SQLException {
    String purposes = rs.getString("purposes");
    return new Row(
        new GrantId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new OrganisationId(rs.getObject("funder_id", UUID.class)),
        new FundId(rs.getObject("fund_id", UUID.class)),
        rs.getString("title"),
        rs.getLong("amount"),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        purposes.isEmpty() ? List.of() : Arrays.asList(purposes.split(SEPARATOR)),
        rs.getBoolean("foreign_contribution"));
  }
}
