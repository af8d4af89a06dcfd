package org.sahay.care.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sahay.care.Dose;
import org.sahay.care.DoseSchedule;
import org.sahay.care.Vaccine;
import org.sahay.platform.Indicator;
import org.sahay.platform.Indicator.Breakdown;
import org.sahay.platform.Indicator.Unit;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care's indicators: counselling sessions held in the period (one to one, and in groups), doses
 * given in the period by vaccine, and doses due by the period's last day that were not yet given.
 * Counts only; nothing about what was said or which member.
 */
@Component
@org.springframework.core.annotation.Order(70)
class CareIndicators implements IndicatorSource {

  private final JdbcClient jdbc;
  private final VaccinationStore doses;

  CareIndicators(JdbcClient jdbc, VaccinationStore doses) {
    this.jdbc = jdbc;
    this.doses = doses;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(
        Indicator.single("care.sessions", Unit.RECORDS),
        Indicator.single("care.groupSessions", Unit.RECORDS),
        Indicator.open("care.doses", Unit.RECORDS, Breakdown.VACCINE),
        Indicator.open("care.dosesDue", Unit.PEOPLE, Breakdown.VACCINE));
  }

  @Override
  public List<Measure> measure(IndicatorQuery q) {
    List<Measure> all = new ArrayList<>();
    all.add(new Measure("care.sessions", "", held("counselling_session", q)));
    all.add(new Measure("care.groupSessions", "", held("counselling_group_session", q)));
    jdbc.sql(
            q.inline(
                "select vaccine_code, count(*) from vaccination_dose where organisation_id in (:orgs)"
                    + " and given_on >= :from and given_on < :until group by vaccine_code"))
        .param("from", q.from())
        .param("until", q.until())
        .query((rs, i) -> new Measure("care.doses", rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(all::add);
    due(q).forEach((code, n) -> all.add(new Measure("care.dosesDue", code, n)));
    return all;
  }

  private long held(String table, IndicatorQuery q) {
    return jdbc.sql(
            q.inline(
                "select count(*) from "
                    + table
                    + " where organisation_id in (:orgs) and held_on >= :from and held_on < :until"))
        .param("from", q.from())
        .param("until", q.until())
        .query(Long.class)
        .single();
  }

  /** Members due for a next dose by the period's last day, by vaccine, as the schedule says. */
  private Map<String, Long> due(IndicatorQuery q) {
    LocalDate last = q.until().minusDays(1);
    Map<String, Vaccine> vaccines =
        doses.vaccines().stream().collect(Collectors.toMap(Vaccine::code, v -> v));
    Map<String, Long> due = new TreeMap<>();
    for (OrganisationId collective : q.collectives()) {
      Map<Object, List<Dose>> byMember =
          doses.all(collective).stream().collect(Collectors.groupingBy(Dose::member));
      byMember.values().stream()
          .flatMap(
              given ->
                  given.stream()
                      .map(Dose::vaccine)
                      .distinct()
                      .map(vaccines::get)
                      .filter(
                          v ->
                              DoseSchedule.next(v, given)
                                  .filter(next -> !next.dueOn().isAfter(last))
                                  .isPresent()))
          .forEach(v -> due.merge(v.code(), 1L, Long::sum));
    }
    return due;
  }
}
