package org.sahay.funds.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.sahay.funds.CampaignId;
import org.sahay.funds.ExpenseCategory;
import org.sahay.funds.FundId;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums over posted entries for reports; reversed donations and expenses never count. */
@Repository
public class ReportStore {

  /** A month's money received into funds and money spent, in paise. */
  public record Month(int year, int month, long income, long expenditure) {}

  /** A campaign's donations that stand, in paise. */
  public record Raised(long count, long paise) {}

  /** Spent from a fund on one category, and the people it reached. */
  public record Spent(ExpenseCategory category, long paise, long people) {}

  private final JdbcClient jdbc;

  ReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Income is what funds received net of reversals: the credits of fund accounts, plus what
   * spending took from them (an expense debits its fund). Expenditure is the net of the expense
   * accounts. So a reversed donation or expense cancels out in the month of its reversal.
   */
  public List<Month> byMonth(OrganisationId organisation) {
    return jdbc.sql(
            """
            select extract(year from e.entry_date) as y, extract(month from e.entry_date) as m,
              sum(case when a.kind = 'FUND' then l.credit - l.debit
                       when a.kind = 'EXPENSE' then l.debit - l.credit else 0 end) as income,
              sum(case when a.kind = 'EXPENSE' then l.debit - l.credit else 0 end) as spent
            from journal_line l
            join journal_entry e on e.id = l.entry_id
            join ledger_account a on a.id = l.account_id
            where l.organisation_id = :o
            group by extract(year from e.entry_date), extract(month from e.entry_date)
            order by 1, 2
            """)
        .param("o", organisation.value())
        .query((rs, n) -> new Month(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  public Raised raised(CampaignId campaign) {
    return jdbc.sql(
            """
            select count(*), coalesce(sum(d.amount), 0) from donation d
            where d.campaign_id = :c and not exists
              (select 1 from journal_entry r where r.reverses_id = d.journal_entry_id)
            """)
        .param("c", campaign.value())
        .query((rs, n) -> new Raised(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  public List<Spent> spentByCategory(FundId fund) {
    return jdbc.sql(
            """
            select x.category, sum(x.amount), sum(x.people_reached) from expense x
            where x.fund_id = :f and not exists
              (select 1 from journal_entry r where r.reverses_id = x.journal_entry_id)
            group by x.category order by x.category
            """)
        .param("f", fund.value())
        .query(
            (rs, n) ->
                new Spent(ExpenseCategory.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** When a donation or an expense of the campaign was last recorded. */
  public Optional<OffsetDateTime> lastUpdated(CampaignId campaign, FundId fund, boolean spending) {
    OffsetDateTime donations =
        jdbc.sql("select max(recorded_at) from donation where campaign_id = :c")
            .param("c", campaign.value())
            .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
            .optional()
            .orElse(null);
    OffsetDateTime expenses =
        spending
            ? jdbc.sql("select max(recorded_at) from expense where fund_id = :f")
                .param("f", fund.value())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .orElse(null)
            : null;
    if (donations == null) {
      return Optional.ofNullable(expenses);
    }
    return Optional.of(expenses != null && expenses.isAfter(donations) ? expenses : donations);
  }
}
