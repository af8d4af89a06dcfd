package org.sahay.entitlements.internal;

import java.util.ArrayList;
import java.util.List;
import org.sahay.entitlements.EntitlementStatus;
import org.sahay.platform.Indicator;
import org.sahay.platform.Indicator.Breakdown;
import org.sahay.platform.Indicator.Unit;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Entitlements' indicators: standings granted now, by scheme (coverage); standings granted in the
 * period, by scheme; and the members of drives that ran in the period, by where each stands now.
 */
@Component
@org.springframework.core.annotation.Order(60)
class EntitlementIndicators implements IndicatorSource {

  private final JdbcClient jdbc;

  EntitlementIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.open("entitlements.granted", Unit.RECORDS, Breakdown.SCHEME),
        Indicator.open("entitlements.grantedInPeriod", Unit.RECORDS, Breakdown.SCHEME),
        Indicator.fixed(
            "drives.outcomes",
            Unit.PEOPLE,
            Breakdown.STATUS,
            "entitlements.status.",
            with(Indicator.names(EntitlementStatus.class), "none")));
  }

  private static List<String> with(List<String> names, String more) {
    List<String> all = new ArrayList<>(names);
    all.add(more);
    return List.copyOf(all);
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    List<Measure> all = new ArrayList<>();
    jdbc.sql(
            q.inline(
                """
            select coalesce(s.name_en, s.code), count(*) from entitlement e
              join scheme s on s.id = e.scheme_id
            where e.organisation_id in (:orgs) and e.status = 'GRANTED'
            group by coalesce(s.name_en, s.code)
            """))
        .query((rs, i) -> new Measure("entitlements.granted", rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(all::add);
    jdbc.sql(
            q.inline(
                """
            select coalesce(s.name_en, s.code), count(distinct e.id) from entitlement e
              join scheme s on s.id = e.scheme_id
              join entitlement_event v on v.entitlement_id = e.id
            where e.organisation_id in (:orgs) and v.status = 'GRANTED'
              and v.status_on >= :from and v.status_on < :until
            group by coalesce(s.name_en, s.code)
            """))
        .param("from", q.from())
        .param("until", q.until())
        .query(
            (rs, i) -> new Measure("entitlements.grantedInPeriod", rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(all::add);
    jdbc.sql(
            q.inline(
                """
            select coalesce(e.status, 'NOT_RECORDED') as standing, count(*) from drive_member m
              join drive d on d.id = m.drive_id
              left join entitlement e on e.scheme_id = d.scheme_id and e.member_id = m.member_id
            where d.organisation_id in (:orgs) and d.starts_on < :until and d.ends_on >= :from
            group by coalesce(e.status, 'NOT_RECORDED')
            """))
        .param("from", q.from())
        .param("until", q.until())
        .query((rs, i) -> new Measure("drives.outcomes", rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(all::add);
    return all;
  }
}
