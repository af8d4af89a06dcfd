package org.sahay.registry.internal;

import static org.sahay.platform.Indicator.Breakdown.AGE_BAND;
import static org.sahay.platform.Indicator.Breakdown.DISTRICT;
import static org.sahay.platform.Indicator.Breakdown.GENDER;
import static org.sahay.platform.Indicator.Breakdown.STATUS;
import static org.sahay.platform.Indicator.Unit.HOUSEHOLDS;
import static org.sahay.platform.Indicator.Unit.PEOPLE;

import java.util.ArrayList;
import java.util.List;
import org.sahay.platform.Indicator;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.sahay.registry.Gender;
import org.sahay.registry.MemberStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's indicators: members as they stood at the end of the period, by status, and the
 * active ones by district, gender and age band; members who joined in the period; households.
 * Erased members keep gender, district and year of birth, so they still count by status.
 */
@Component
@org.springframework.core.annotation.Order(10)
class RegistryIndicators implements IndicatorSource {

  /** Age bands in years reached during the period's last year; unknown when no year is known. */
  static final List<String> AGE_BANDS =
      List.of("UNDER_18", "FROM_18", "FROM_30", "FROM_45", "FROM_60", "UNKNOWN");

  private final JdbcClient jdbc;

  RegistryIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean byDistrict() {
    return true;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.fixed(
            "members.status",
            PEOPLE,
            STATUS,
            "member.status.",
            Indicator.names(MemberStatus.class)),
        Indicator.open("members.district", PEOPLE, DISTRICT),
        Indicator.fixed(
            "members.gender", PEOPLE, GENDER, "member.gender.", Indicator.names(Gender.class)),
        Indicator.fixed("members.ageBand", PEOPLE, AGE_BAND, "indicator.ageBand.", AGE_BANDS),
        Indicator.single("members.joined", PEOPLE),
        Indicator.single("households.registered", HOUSEHOLDS));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    List<Measure> all = new ArrayList<>();
    all.addAll(grouped(q, "members.status", "status", false));
    all.addAll(grouped(q, "members.district", "coalesce(district, '')", true));
    all.addAll(grouped(q, "members.gender", "gender", true));
    String age = ":year - birth_year";
    all.addAll(
        grouped(
            q,
            "members.ageBand",
            "case when birth_year is null then 'UNKNOWN'"
                + (" when " + age + " < 18 then 'UNDER_18'")
                + (" when " + age + " < 30 then 'FROM_18'")
                + (" when " + age + " < 45 then 'FROM_30'")
                + (" when " + age + " < 60 then 'FROM_45'")
                + " else 'FROM_60' end",
            true));
    all.add(
        new Measure(
            "members.joined",
            "",
            jdbc.sql(
                    q.inline(
                        "select count(*) from member where organisation_id in (:orgs)"
                            + " and created_at >= :start and created_at < :end"
                            + district(q)))
                .param("start", q.start())
                .param("end", q.end())
                .params(districtParam(q))
                .query(Long.class)
                .single()));
    all.add(
        new Measure(
            "households.registered",
            "",
            jdbc.sql(
                    q.inline(
                        "select count(*) from household where organisation_id in (:orgs)"
                            + " and erased_at is null and created_at < :end"
                            + district(q)))
                .param("end", q.end())
                .params(districtParam(q))
                .query(Long.class)
                .single()));
    return all;
  }

  /** Members counted by an expression, as they stood at the period's end. */
  private List<Measure> grouped(IndicatorQuery q, String key, String by, boolean activeOnly) {
    return jdbc.sql(
            q.inline(
                "select label, count(*) as n from (select "
                    + by
                    + " as label from member where organisation_id in (:orgs)"
                    + " and created_at < :end"
                    + (activeOnly ? " and status = 'ACTIVE'" : "")
                    + district(q)
                    + ") m group by label"))
        .param("end", q.end())
        .param("year", q.until().minusDays(1).getYear())
        .params(districtParam(q))
        .query((rs, i) -> new Measure(key, rs.getString("label"), rs.getLong("n")))
        .list();
  }

  private static String district(IndicatorQuery q) {
    return q.district() == null ? "" : " and district = :district";
  }

  private static java.util.Map<String, Object> districtParam(IndicatorQuery q) {
    return q.district() == null ? java.util.Map.of() : java.util.Map.of("district", q.district());
  }
}
