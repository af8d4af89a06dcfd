package org.sahay.relief.internal;

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
 * Relief's indicators over hand-overs recorded in the period and not reversed: households reached
 * (each once, by district), people reached (each household's largest count of people, once), and
 * kits given.
 */
@Component
@org.springframework.core.annotation.Order(40)
class ReliefIndicators implements IndicatorSource {

  private static final String HANDED_OVER =
      " from distribution d where d.organisation_id in (:orgs) and d.reversed_at is null"
          + " and d.recorded_at >= :start and d.recorded_at < :end";

  private final JdbcClient jdbc;

  ReliefIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean byDistrict() {
    return true;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.open("relief.households", Unit.HOUSEHOLDS, Breakdown.DISTRICT),
        Indicator.single("relief.people", Unit.PEOPLE),
        Indicator.single("relief.kits", Unit.RECORDS));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    String where = HANDED_OVER + (q.district() == null ? "" : " and d.district = :district");
    List<Measure> all =
        new java.util.ArrayList<>(
            jdbc.sql(
                    q.inline(
                        "select label, count(*) as n from (select distinct coalesce(d.district, '')"
                            + " as label, d.household_key"
                            + where
                            + ") h group by label"))
                .params(params(q))
                .query((rs, i) -> new Measure("relief.households", rs.getString(1), rs.getLong(2)))
                .list());
    Long people =
        jdbc.sql(
                q.inline(
                    "select coalesce(sum(p), 0) from (select d.household_key, max(d.people) as p"
                        + where
                        + " group by d.household_key) h"))
            .params(params(q))
            .query(Long.class)
            .single();
    all.add(new Measure("relief.people", "", people));
    Long kits =
        jdbc.sql(
                q.inline(
                    "select count(*)"
                        + where
                        + " and exists (select 1 from distribution_round r"
                        + " where r.id = d.round_id and r.kit_id is not null)"))
            .params(params(q))
            .query(Long.class)
            .single();
    all.add(new Measure("relief.kits", "", kits));
    return all;
  }

  private static Map<String, Object> params(IndicatorQuery q) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("start", q.start());
    p.put("end", q.end());
    if (q.district() != null) {
      p.put("district", q.district());
    }
    return p;
  }
}
