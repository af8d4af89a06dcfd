package org.sahay.reporting;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.IndicatorQuery;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Measure;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.reporting.internal.Panels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboards: a collective sees its own indicators exactly; a mentor, a funder and a network see
 * those of the collectives they mentor, fund or have as members, added up, with every count of 1 to
 * 4 suppressed and a second count withheld where a total would give the first away. Which
 * collectives count is decided here, by the access policy, before any module is asked.
 */
@Service
public class Dashboards {

  /** The longest period one dashboard covers, in months. */
  public static final int LONGEST = 60;

  /** What a dashboard is narrowed to; any part may be null for its default. */
  public record Filter(YearMonth from, YearMonth to, String district, OrganisationId collective) {}

  private final List<IndicatorSource> sources;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final Today today;

  Dashboards(
      List<IndicatorSource> sources,
      Organisations organisations,
      AccessPolicy policy,
      Today today) {
    this.sources = List.copyOf(sources);
    this.organisations = organisations;
    this.policy = policy;
    this.today = today;
  }

  @Transactional(readOnly = true)
  public Dashboard of(Actor by, Filter filter) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    Organisation self = organisations.find(own).orElseThrow(NotFoundException::new);
    Dashboard.Kind kind = kind(self.kind());
    List<Organisation> counted = counted(by, self, kind);
    List<OrganisationId> ids = counted.stream().map(Organisation::id).toList();
    OrganisationId only = filter == null ? null : filter.collective();
    if (only != null && !ids.contains(only)) {
      throw new NotFoundException();
    }
    ZoneId zone = today.zone(own);
    YearMonth now = YearMonth.from(today.at(own));
    YearMonth to = filter == null || filter.to() == null ? now : filter.to();
    YearMonth from = filter == null || filter.from() == null ? to.minusMonths(11) : filter.from();
    if (from.isAfter(to)) {
      from = to;
    }
    if (from.plusMonths(LONGEST).isBefore(to.plusMonths(1))) {
      from = to.minusMonths(LONGEST - 1);
    }
    String district = filter == null ? null : blankToNull(filter.district());
    IndicatorQuery query =
        new IndicatorQuery(
            only == null ? ids : List.of(only),
            from.atDay(1),
            to.plusMonths(1).atDay(1),
            zone,
            district,
            kind == Dashboard.Kind.FUNDER ? own : null);
    boolean exact = kind == Dashboard.Kind.COLLECTIVE;
    List<Panel> panels = panels(query, exact);
    return new Dashboard(
        kind,
        counted.stream().map(o -> new Dashboard.Collective(o.id(), o.name())).toList(),
        only,
        from,
        to,
        district,
        exact,
        districts(counted, panels, district),
        panels);
  }

  /** Asks each module for its values and makes a panel of each of its indicators. */
  private List<Panel> panels(IndicatorQuery query, boolean exact) {
    String district = query.district();
    List<Panel> panels = new ArrayList<>();
    for (IndicatorSource source : sources) {
      Map<String, List<Measure>> values = new LinkedHashMap<>();
      if (!query.collectives().isEmpty()) {
        source
            .measure(query)
            .forEach(m -> values.computeIfAbsent(m.indicator(), k -> new ArrayList<>()).add(m));
      }
      source
          .indicators()
          .forEach(
              indicator ->
                  panels.add(
                      Panels.of(
                          indicator,
                          values.getOrDefault(indicator.key(), List.of()),
                          exact,
                          district != null && !source.byDistrict())));
    }
    return panels;
  }

  /**
   * The panels of one collective for the months, as the actor may see them: exact for its own
   * people, suppressed for anyone else the policy lets read it; none for anyone it does not.
   */
  @Transactional(readOnly = true)
  public List<Panel> panelsOf(Actor by, OrganisationId collective, YearMonth from, YearMonth to) {
    if (!policy.permits(by, ReportAction.REPORT_READ, collective)) {
      return List.of();
    }
    boolean funder =
        organisations
            .find(by.organisation())
            .map(o -> o.kind() == OrganisationKind.FUNDER)
            .orElse(false);
    IndicatorQuery query =
        new IndicatorQuery(
            List.of(collective),
            from.atDay(1),
            to.plusMonths(1).atDay(1),
            today.zone(collective),
            null,
            funder ? by.organisation() : null);
    return panels(query, collective.equals(by.organisation()));
  }

  private static Dashboard.Kind kind(OrganisationKind kind) {
    switch (kind) {
      case COLLECTIVE:
        return Dashboard.Kind.COLLECTIVE;
      case MENTOR:
        return Dashboard.Kind.MENTOR;
      case FUNDER:
        return Dashboard.Kind.FUNDER;
      case NETWORK:
        return Dashboard.Kind.NETWORK;
      default:
        throw new NotFoundException();
    }
  }

  /** The collectives the actor may count, as the policy says. */
  private List<Organisation> counted(Actor by, Organisation self, Dashboard.Kind kind) {
    if (kind == Dashboard.Kind.COLLECTIVE) {
      policy.require(by, ReportAction.REPORT_READ, self.id());
      return List.of(self);
    }
    Map<OrganisationId, Organisation> linked = new LinkedHashMap<>();
    List<Organisation> candidates = new ArrayList<>();
    switch (kind) {
      case MENTOR -> candidates.addAll(organisations.linkedFrom(self.id(), LinkKind.MENTOR_OF));
      case FUNDER -> candidates.addAll(organisations.linkedFrom(self.id(), LinkKind.FUNDER_OF));
      default -> {
        candidates.addAll(organisations.linkedTo(self.id(), LinkKind.MEMBER_OF));
        candidates.addAll(organisations.linkedFrom(self.id(), LinkKind.MENTOR_OF));
      }
    }
    for (Organisation o : candidates) {
      if (o.kind() == OrganisationKind.COLLECTIVE
          && policy.permits(by, ReportAction.REPORT_READ, o.id())) {
        linked.putIfAbsent(o.id(), o);
      }
    }
    // A mentor, funder or network with nothing linked yet gets an empty dashboard; a role that
    // reads no reports at all (a district liaison, say) is refused outright.
    boolean reads =
        by.roles().stream().anyMatch(r -> ReportAction.REPORT_READ.rules().containsKey(r));
    if (linked.isEmpty() && !reads) {
      throw new org.springframework.security.access.AccessDeniedException("not permitted");
    }
    List<Organisation> all = new ArrayList<>(linked.values());
    all.sort(java.util.Comparator.comparing(Organisation::name));
    return all;
  }

  private static List<String> districts(
      List<Organisation> counted, List<Panel> panels, String district) {
    TreeSet<String> all = new TreeSet<>();
    counted.forEach(o -> addIfPresent(all, o.district()));
    panels.stream()
        .filter(p -> p.indicator().key().equals("members.district"))
        .flatMap(p -> p.rows().stream())
        .forEach(r -> addIfPresent(all, r.label()));
    addIfPresent(all, district);
    return List.copyOf(all);
  }

  private static void addIfPresent(TreeSet<String> all, String value) {
    if (value != null && !value.isBlank()) {
      all.add(value.strip());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
