package org.sahay.support.internal;

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
 * Support requests by stage, in number and in money: requested (submitted in the period), approved
 * (decided in the period, not refused), paid (payments recorded in the period and not reversed) and
 * still waiting at the period's end (submitted and undecided, or approved and not all paid). For a
 * funder, only the requests addressed to it.
 */
@Component
@org.springframework.core.annotation.Order(30)
class SupportIndicators implements IndicatorSource {

  static final List<String> STAGES = List.of("REQUESTED", "APPROVED", "PAID", "WAITING");

  private static final String REQUESTS =
      " from support_request r where r.organisation_id in (:orgs)";

  private final JdbcClient jdbc;

  SupportIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.fixed(
            "support.requests", Unit.RECORDS, Breakdown.STAGE, "indicator.stage.", STAGES),
        Indicator.fixed(
            "support.amounts", Unit.MONEY, Breakdown.STAGE, "indicator.stage.", STAGES));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    String funder = q.funder() == null ? "" : " and r.addressed_to = :funder";
    String submitted = " and r.submitted_at >= :start and r.submitted_at < :end";
    String approved =
        " and r.decided_at >= :start and r.decided_at < :end and r.status <> 'REJECTED'";
    String paid =
        " and exists (select 1 from disbursement d where d.request_id = r.id"
            + " and d.reversed_at is null and d.recorded_at >= :start and d.recorded_at < :end)";
    String waiting =
        " and r.submitted_at < :end and (r.status = 'SUBMITTED' or (r.status in"
            + " ('APPROVED', 'PARTLY_APPROVED', 'DISBURSING') and exists (select 1 from"
            + " support_line l where l.request_id = r.id"
            + " and l.disbursed_paise < coalesce(l.approved_paise, 0))))";
    List<Measure> all = new ArrayList<>();
    Map<String, String> stages =
        Map.of("REQUESTED", submitted, "APPROVED", approved, "PAID", paid, "WAITING", waiting);
    for (String stage : STAGES) {
      all.add(
          new Measure(
              "support.requests",
              stage,
              count("select count(*)" + REQUESTS + funder + stages.get(stage), q)));
    }
    all.addAll(amounts(q, funder, submitted, approved, waiting));
    return all;
  }

  /** What the requests at each stage come to, in paise. */
  private List<Measure> amounts(
      IndicatorQuery q, String funder, String submitted, String approved, String waiting) {
    List<Measure> all = new ArrayList<>();
    all.add(
        money(
            "REQUESTED",
            "select coalesce(sum(l.amount_paise), 0) from support_line l where l.request_id in"
                + " (select r.id"
                + REQUESTS
                + funder
                + submitted
                + ")",
            q));
    all.add(
        money(
            "APPROVED",
            "select coalesce(sum(l.approved_paise), 0) from support_line l where l.request_id in"
                + " (select r.id"
                + REQUESTS
                + funder
                + approved
                + ")",
            q));
    all.add(
        money(
            "PAID",
            "select coalesce(sum(d.amount_paise), 0) from disbursement d where"
                + " d.reversed_at is null and d.recorded_at >= :start and d.recorded_at < :end"
                + " and d.request_id in (select r.id"
                + REQUESTS
                + funder
                + ")",
            q));
    all.add(
        money(
            "WAITING",
            "select coalesce(sum(case when r.status = 'SUBMITTED' then l.amount_paise"
                + " else coalesce(l.approved_paise, 0) - l.disbursed_paise end), 0)"
                + " from support_line l join support_request r on r.id = l.request_id"
                + " where r.organisation_id in (:orgs)"
                + funder
                + waiting,
            q));
    return all;
  }

  private Measure money(String stage, String sql, IndicatorQuery q) {
    return new Measure("support.amounts", stage, count(sql, q));
  }

  private long count(String sql, IndicatorQuery q) {
    Map<String, Object> p = new HashMap<>();
    p.put("start", q.start());
    p.put("end", q.end());
    if (q.funder() != null) {
      p.put("funder", q.funder().value());
    }
    return jdbc.sql(q.inline(sql)).params(p).query(Long.class).single();
  }
}
