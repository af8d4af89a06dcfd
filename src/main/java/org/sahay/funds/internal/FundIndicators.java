package org.sahay.funds.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahay.platform.Indicator;
import org.sahay.platform.Indicator.Breakdown;
import org.sahay.platform.Indicator.Unit;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Funds' indicators by fund, in paise, from the ledger: raised in the period (donations and grant
 * instalments less their reversals), spent in the period (expenses less their reversals), and what
 * remains now. For a funder, only the funds of its own grants.
 */
@Component
@org.springframework.core.annotation.Order(50)
class FundIndicators implements IndicatorSource {

  private final JdbcClient jdbc;

  FundIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.open("funds.raised", Unit.MONEY, Breakdown.FUND),
        Indicator.open("funds.spent", Unit.MONEY, Breakdown.FUND),
        Indicator.open("funds.remaining", Unit.MONEY, Breakdown.FUND));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    String funds =
        "f.organisation_id in (:orgs)"
            + (q.funder() == null
                ? ""
                : " and f.id in (select g.fund_id from grant_award g where g.funder_id = :funder)");
    Map<String, Object> p = new HashMap<>();
    p.put("from", q.from());
    p.put("until", q.until());
    if (q.funder() != null) {
      p.put("funder", q.funder().value());
    }
    List<Measure> all = new ArrayList<>();
    jdbc.sql(
            q.inline(
                "select f.name, coalesce(o.kind, e.kind) as k, sum(l.credit - l.debit) as net"
                    + " from fund f join journal_line l on l.account_id = f.account_id"
                    + " join journal_entry e on e.id = l.entry_id"
                    + " left join journal_entry o on o.id = e.reverses_id"
                    + " where "
                    + funds
                    + " and e.entry_date >= :from and e.entry_date < :until"
                    + " group by f.name, coalesce(o.kind, e.kind)"))
        .params(p)
        .query(
            (rs, i) -> {
              boolean spent = "EXPENSE".equals(rs.getString("k"));
              long net = rs.getLong("net");
              return new Measure(
                  spent ? "funds.spent" : "funds.raised", rs.getString("name"), spent ? -net : net);
            })
        .list()
        .forEach(all::add);
    jdbc.sql(
            q.inline(
                "select f.name, sum(f.raised - f.spent) from fund f where "
                    + funds
                    + " group by f.name"))
        .params(p)
        .query((rs, i) -> new Measure("funds.remaining", rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(all::add);
    return merged(all);
  }

  /** Donations and grant instalments both raise: one value per fund and indicator. */
  private static List<Measure> merged(List<Measure> all) {
    Map<String, Measure> byKey = new java.util.LinkedHashMap<>();
    for (Measure m : all) {
      byKey.merge(
          m.indicator() + "\u0000" + m.label(),
          m,
          (a, b) -> new Measure(a.indicator(), a.label(), a.value() + b.value()));
    }
    return List.copyOf(byKey.values());
  }
}
