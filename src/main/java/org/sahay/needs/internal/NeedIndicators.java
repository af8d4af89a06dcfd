package org.sahay.needs.internal;

import java.util.ArrayList;
import java.util.List;
import org.sahay.needs.NeedCategory;
import org.sahay.platform.Indicator;
import org.sahay.platform.Indicator.Breakdown;
import org.sahay.platform.Indicator.Unit;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The needs register's indicators by category: needs open (or being met) now that were recorded
 * before the period ended, and needs met during the period. A sensitive need's category is sealed,
 * so those count under one label of their own and nobody learns which it was.
 */
@Component
@org.springframework.core.annotation.Order(20)
class NeedIndicators implements IndicatorSource {

  private static final List<String> CATEGORIES = categories();

  private final JdbcClient jdbc;

  NeedIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static List<String> categories() {
    List<String> all = new ArrayList<>(Indicator.names(NeedCategory.class));
    all.add(NeedStore.SEALED);
    return List.copyOf(all);
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.fixed(
            "needs.open", Unit.RECORDS, Breakdown.CATEGORY, "need.category.", CATEGORIES),
        Indicator.fixed(
            "needs.met", Unit.RECORDS, Breakdown.CATEGORY, "need.category.", CATEGORIES));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    List<Measure> all = new ArrayList<>();
    all.addAll(
        jdbc.sql(
                q.inline(
                    """
                select category, count(*) from need where organisation_id in (:orgs)
                  and status in ('OPEN', 'BEING_MET') and created_at < :end
                group by category
                """))
            .param("end", q.end())
            .query((rs, i) -> new Measure("needs.open", rs.getString(1), rs.getLong(2)))
            .list());
    all.addAll(
        jdbc.sql(
                q.inline(
                    """
                select n.category, count(*) from need n where n.organisation_id in (:orgs)
                  and exists (select 1 from need_event e where e.need_id = n.id
                    and e.status = 'MET' and e.recorded_at >= :start and e.recorded_at < :end)
                group by n.category
                """))
            .param("start", q.start())
            .param("end", q.end())
            .query((rs, i) -> new Measure("needs.met", rs.getString(1), rs.getLong(2)))
            .list());
    return all;
  }
}
